/**
 * One renderer per output format over the results of {@link dev.tandem.usecase}: table, JSON,
 * Markdown, HTML, SARIF, CycloneDX, CSV. Front ends (the CLI, the server) pick a renderer by format
 * name from a {@link dev.tandem.render.Formats} registry; renderers never compute, only draw.
 */
package dev.tandem.render;
