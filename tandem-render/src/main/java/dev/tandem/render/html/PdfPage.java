package dev.tandem.render.html;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Prints a {@link Page} to PDF from the same HTML as {@link HtmlPage}: PDF/A-3u (archivable, text
 * extractable), A4 by default or US Letter, fonts embedded (DejaVu Sans and Sans Mono, shipped in the
 * jar under their own licence, see tandem-render/src/main/resources/dev/tandem/render/html/fonts/LICENSE),
 * so it prints the same everywhere.
 */
public final class PdfPage {

    /** The paper a PDF is laid out on; wide sections turn it to landscape. */
    public enum Paper {
        A4(210, 297), LETTER(215.9f, 279.4f);

        private final float widthMm;
        private final float heightMm;

        Paper(float widthMm, float heightMm) {
            this.widthMm = widthMm;
            this.heightMm = heightMm;
        }
    }

    private static final String FAMILY = "DejaVu Sans";
    private static final String[] QUIET = {"org.apache.pdfbox", "org.apache.fontbox", "com.openhtmltopdf"};

    /** PDFBox reports font details through java.util.logging; kept here so the level holds (loggers are weakly held). */
    private static final java.util.List<java.util.logging.Logger> QUIETED = new java.util.ArrayList<>();
    private static final String MONO = "DejaVu Sans Mono";

    static {
        // The PDF library logs through java.util.logging to standard error; a document renderer prints nothing.
        XRLog.setLoggingEnabled(false);
        for (String name : QUIET) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(java.util.logging.Level.SEVERE);
            QUIETED.add(logger);
        }
    }


    private PdfPage() {
    }

    /** Writes {@code page} as PDF on A4. */
    public static void write(Page page, OutputStream out) throws IOException {
        write(page, Paper.A4, out);
    }

    /** Writes {@code page} as PDF on {@code paper}; does not close {@code out}. */
    public static void write(Page page, Paper paper, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_3_U);
        builder.useColorProfile(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        font(builder, "DejaVuSans.ttf", FAMILY, 400);
        font(builder, "DejaVuSans-Bold.ttf", FAMILY, 700);
        font(builder, "DejaVuSansMono.ttf", MONO, 400);
        // Whatever a rule leaves to a generic family (a margin box, a fallback) still gets an embedded font:
        // PDF/A refuses the unembedded standard fonts.
        for (String generic : new String[] {"serif", "sans-serif", "system-ui"}) {
            font(builder, "DejaVuSans.ttf", generic, 400);
            font(builder, "DejaVuSans-Bold.ttf", generic, 700);
        }
        font(builder, "DejaVuSansMono.ttf", "monospace", 400);
        builder.useDefaultPageSize(paper.widthMm, paper.heightMm, BaseRendererBuilder.PageSizeUnits.MM);
        builder.withHtmlContent(HtmlPage.render(page), null);
        builder.toStream(out);
        builder.run();
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight) {
        builder.useFont(() -> {
            InputStream in = PdfPage.class.getResourceAsStream("fonts/" + file);
            if (in == null) {
                throw new UncheckedIOException(new IOException("missing font " + file));
            }
            return in;
        }, family, weight, BaseRendererBuilder.FontStyle.NORMAL, true);
    }
}
