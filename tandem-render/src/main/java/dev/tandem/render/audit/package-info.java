/** The outputs of audit verification: a line per organisation's chain (text, the default) or JSON. */
package dev.tandem.render.audit;
