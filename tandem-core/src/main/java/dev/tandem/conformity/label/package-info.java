/**
 * The US Cyber Trust Mark label draft: the mark's text lines and the registry URL its QR code links
 * to. The SVG, PNG and text renderings live in {@code dev.tandem.render.conformity}.
 */
package dev.tandem.conformity.label;
