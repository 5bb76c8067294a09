package dev.tandem.conformity.label;

import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import dev.tandem.conformity.declaration.HtmlRenderer;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the label: a title line, the product, the support end date and a QR code to the registry entry.
 * The official US Cyber Trust Mark logo artwork is not reproduced (it is the FCC's mark); the layout is a
 * draft for the manufacturer's designer (docs/commands/label.md).
 */
public final class LabelWriter {

    /** Pixels per QR module in the PNG and user units per module in the SVG. */
    static final int MODULE = 6;
    private static final int QUIET_ZONE = 4;
    private static final int LINE_HEIGHT = 20;

    private LabelWriter() {
    }

    public static Label write(ProductProfile profile) throws InputException {
        if (profile.us() == null || profile.us().registryUrl() == null) {
            throw new InputException(profile.source(), InputPosition.pointer("/us/registryUrl"),
                    "the label's QR code needs us.registryUrl, the public registry entry of the product");
        }
        String url = profile.us().registryUrl();
        List<String> lines = new ArrayList<>();
        lines.add("US Cyber Trust Mark");
        lines.add(profile.product() + (profile.model() == null ? "" : " (" + profile.model() + ")"));
        lines.add(profile.manufacturer().name());
        if (profile.supportPeriod() != null && profile.supportPeriod().end() != null) {
            lines.add("Security updates until " + profile.supportPeriod().end());
        }
        lines.add("Scan for product security details");
        BitMatrix matrix = qr(url);
        return new Label(lines, url, svg(lines, matrix, url), png(lines, matrix));
    }

    static BitMatrix qr(String url) {
        try {
            return new QRCodeWriter().encode(url, com.google.zxing.BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, QUIET_ZONE,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("the registry URL cannot be encoded as a QR code: " + e.getMessage(), e);
        }
    }

    private static String svg(List<String> lines, BitMatrix matrix, String url) {
        int qrSize = matrix.getWidth() * MODULE;
        int width = Math.max(qrSize, 360);
        int textHeight = LINE_HEIGHT * lines.size() + 10;
        int height = textHeight + qrSize;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" role=\"img\">\n");
        svg.append("<title>").append(HtmlRenderer.escape(String.join(" - ", lines))).append("</title>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<text x=\"10\" y=\"").append(LINE_HEIGHT * (i + 1)).append("\" font-family=\"sans-serif\" font-size=\"")
                    .append(i == 0 ? 16 : 13).append(i == 0 ? "\" font-weight=\"bold\"" : "\"").append(">")
                    .append(HtmlRenderer.escape(lines.get(i))).append("</text>\n");
        }
        int left = (width - qrSize) / 2;
        svg.append("<a href=\"").append(HtmlRenderer.escape(url)).append("\">\n<path fill=\"#000000\" d=\"");
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    svg.append('M').append(left + x * MODULE).append(' ').append(textHeight + y * MODULE)
                            .append('h').append(MODULE).append('v').append(MODULE).append('h').append(-MODULE).append('z');
                }
            }
        }
        svg.append("\"/>\n</a>\n</svg>\n");
        return svg.toString();
    }

    private static byte[] png(List<String> lines, BitMatrix matrix) {
        int qrSize = matrix.getWidth() * MODULE;
        int width = Math.max(qrSize, 360);
        int textHeight = LINE_HEIGHT * lines.size() + 10;
        BufferedImage image = new BufferedImage(width, textHeight + qrSize, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            drawText(g, lines);
            int left = (width - qrSize) / 2;
            for (int y = 0; y < matrix.getHeight(); y++) {
                for (int x = 0; x < matrix.getWidth(); x++) {
                    if (matrix.get(x, y)) {
                        g.fillRect(left + x * MODULE, textHeight + y * MODULE, MODULE, MODULE);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        }
        return out.toByteArray();
    }

    private static void drawText(Graphics2D g, List<String> lines) {
        try {
            for (int i = 0; i < lines.size(); i++) {
                g.setFont(new Font(Font.SANS_SERIF, i == 0 ? Font.BOLD : Font.PLAIN, i == 0 ? 16 : 13));
                g.drawString(lines.get(i), 10, LINE_HEIGHT * (i + 1));
            }
        } catch (RuntimeException | InternalError | LinkageError e) {
            // A headless JVM without any font configuration cannot draw text; the QR code and the SVG
            // (which carries the text) stay usable, so the PNG goes out with its text area blank.
        }
    }
}
