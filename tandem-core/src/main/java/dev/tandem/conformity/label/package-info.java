/**
 * The US Cyber Trust Mark label draft: the mark's text and a QR code linking to the registry entry,
 * written as SVG (by hand, from ZXing's bit matrix) and PNG (javax.imageio).
 */
package dev.tandem.conformity.label;
