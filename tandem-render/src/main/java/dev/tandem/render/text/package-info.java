/** Plain-text building blocks shared by the terminal renderers. */
package dev.tandem.render.text;
