package dev.tandem.render.conformity;

import com.google.zxing.common.BitMatrix;
import dev.tandem.conformity.label.Label;
import dev.tandem.render.markup.Html;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.LabelResult;
import java.io.PrintWriter;
import java.util.List;

/**
 * The label as SVG, written by hand from ZXing's bit matrix: the text lines, then the QR code as one
 * path of module squares inside a link to the registry entry. Artwork carries no catalog line.
 */
public final class LabelSvg implements TextRenderer<LabelResult> {

    @Override
    public String mediaType() {
        return "image/svg+xml";
    }

    @Override
    public void render(LabelResult result, PrintWriter out) {
        Label label = result.label();
        List<String> lines = label.lines();
        BitMatrix matrix = QrCode.encode(label.qrUrl());
        int module = QrCode.MODULE;
        int qrSize = matrix.getWidth() * module;
        int width = QrCode.width(matrix);
        int textHeight = QrCode.textHeight(lines.size());
        int height = textHeight + qrSize;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\">\n");
        svg.append("<title>").append(Html.escape((label.banner() == null ? "" : label.banner() + " - ")
                + String.join(" - ", lines))).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<text x=\"10\" y=\"").append(QrCode.LINE_HEIGHT * (i + 1)).append("\" font-family=\"sans-serif\" font-size=\"")
                    .append(i == 0 ? 16 : 13).append(i == 0 ? "\" font-weight=\"bold\"" : "\"").append(">")
                    .append(Html.escape(lines.get(i))).append("</text>\n");
        }
        int left = (width - qrSize) / 2;
        svg.append("<a href=\"").append(Html.escape(label.qrUrl())).append("\">\n<path fill=\"#000000\" d=\"");
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    svg.append('M').append(left + x * module).append(' ').append(textHeight + y * module)
                            .append('h').append(module).append('v').append(module).append('h').append(-module).append('z');
                }
            }
        }
        svg.append("\"/>\n</a>\n");
        if (label.banner() != null) {
            // A draft for a product that is not eligible: struck through and labelled, so it cannot pass for the label.
            svg.append("<g>\n<title>").append(Html.escape(label.banner())).append("</title>\n")
                    .append("<line x1=\"0\" y1=\"0\" x2=\"").append(width).append("\" y2=\"").append(height)
                    .append("\" stroke=\"#c00000\" stroke-width=\"6\"/>\n")
                    .append("<line x1=\"").append(width).append("\" y1=\"0\" x2=\"0\" y2=\"").append(height)
                    .append("\" stroke=\"#c00000\" stroke-width=\"6\"/>\n")
                    .append("<rect x=\"0\" y=\"").append(height / 2 - 18).append("\" width=\"").append(width)
                    .append("\" height=\"36\" fill=\"#c00000\"/>\n")
                    .append("<text x=\"").append(width / 2).append("\" y=\"").append(height / 2 + 6)
                    .append("\" text-anchor=\"middle\" font-family=\"sans-serif\" font-size=\"16\" font-weight=\"bold\" fill=\"#ffffff\">")
                    .append("NOT ELIGIBLE - DRAFT</text>\n</g>\n");
        }
        svg.append("</svg>\n");
        out.print(svg);
    }
}
