package dev.tandem.conformity.label;

import java.util.List;

/** A rendered label: its text lines, the URL the QR code encodes, and the SVG and PNG renderings. */
public record Label(List<String> lines, String qrUrl, String svg, byte[] png) {
    public Label {
        lines = List.copyOf(lines);
        png = png.clone();
    }

    @Override
    public byte[] png() {
        return png.clone();
    }
}
