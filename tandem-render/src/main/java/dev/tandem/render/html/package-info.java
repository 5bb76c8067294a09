/**
 * The document design system every HTML and PDF output shares, and the server's web pages reuse: a
 * {@link dev.tandem.render.html.Page} (header with provenance, sections of blocks, legend, footer), blocks
 * (tables with scoped headers, key/value facts, notices, badges that carry status by colour, shape and
 * text, timelines), one stylesheet ({@code dev/tandem/render/html/tandem.css}) and one set of jte templates
 * ({@code src/main/jte}, precompiled, escaping by default). {@link dev.tandem.render.html.HtmlPage} writes
 * a page as polyglot HTML5 (well-formed XML, so the PDF renderer reads the same markup);
 * {@link dev.tandem.render.html.PdfPage} prints it to PDF/A-3 with embedded fonts. Area renderers only
 * map their result onto a page. See docs/documents.md.
 */
package dev.tandem.render.html;
