/** The outputs of the versions use cases: one line for a comparison, one version per line for a sort. */
package dev.tandem.render.versions;
