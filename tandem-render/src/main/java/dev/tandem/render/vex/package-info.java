/**
 * Renderers of the advisories-and-VEX use cases: CSAF JSON, CycloneDX VEX, OpenVEX, the user notice
 * as HTML, and the registries of each result's formats ({@link dev.tandem.render.vex.VexFormats}).
 */
package dev.tandem.render.vex;
