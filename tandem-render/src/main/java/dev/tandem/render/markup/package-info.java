/** Text for the documents Tandem writes: escaping that every HTML output shares, so none can forget a character. */
package dev.tandem.render.markup;
