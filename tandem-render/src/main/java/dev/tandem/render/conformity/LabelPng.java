package dev.tandem.render.conformity;

import com.google.zxing.common.BitMatrix;
import dev.tandem.render.Renderer;
import dev.tandem.usecase.conformity.LabelResult;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.ImageIO;

/** The label as a greyscale PNG (javax.imageio), laid out like the SVG. Artwork carries no catalog line. */
public final class LabelPng implements Renderer<LabelResult> {

    @Override
    public String mediaType() {
        return "image/png";
    }

    @Override
    public void write(LabelResult result, OutputStream out) throws IOException {
        List<String> lines = result.label().lines();
        BitMatrix matrix = QrCode.encode(result.label().qrUrl());
        int module = QrCode.MODULE;
        int qrSize = matrix.getWidth() * module;
        int width = QrCode.width(matrix);
        int textHeight = QrCode.textHeight(lines.size());
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
                        g.fillRect(left + x * module, textHeight + y * module, module, module);
                    }
                }
            }
            if (result.label().banner() != null) {
                strike(g, image.getWidth(), image.getHeight());
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", out)) {
            throw new IOException("no PNG writer in this Java runtime");
        }
    }

    /** A draft for a product that is not eligible: crossed out with a band, so it cannot pass for the label. */
    private static void strike(Graphics2D g, int width, int height) {
        g.setColor(Color.BLACK);
        g.setStroke(new java.awt.BasicStroke(6));
        g.drawLine(0, 0, width, height);
        g.drawLine(width, 0, 0, height);
        g.fillRect(0, height / 2 - 18, width, 36);
        g.setColor(Color.WHITE);
        try {
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString("NOT ELIGIBLE - DRAFT", 10, height / 2 + 6);
        } catch (RuntimeException | InternalError | LinkageError e) {
            // No font configuration: the crossed-out band still marks the draft.
        }
    }

    private static void drawText(Graphics2D g, List<String> lines) {
        try {
            for (int i = 0; i < lines.size(); i++) {
                g.setFont(new Font(Font.SANS_SERIF, i == 0 ? Font.BOLD : Font.PLAIN, i == 0 ? 16 : 13));
                g.drawString(lines.get(i), 10, QrCode.LINE_HEIGHT * (i + 1));
            }
        } catch (RuntimeException | InternalError | LinkageError e) {
            // A headless JVM without any font configuration cannot draw text; the QR code and the SVG
            // (which carries the text) stay usable, so the PNG goes out with its text area blank.
        }
    }
}
