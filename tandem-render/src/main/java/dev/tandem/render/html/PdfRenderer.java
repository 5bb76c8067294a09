package dev.tandem.render.html;

import dev.tandem.render.Renderer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Function;

/** The {@code pdf} format of a result: the same page as its {@code html} format, printed by {@link PdfPage} on A4. */
public final class PdfRenderer<M> implements Renderer<M> {

    private final Function<M, Page> layout;
    private final PdfPage.Paper paper;

    public PdfRenderer(Function<M, Page> layout) {
        this(layout, PdfPage.Paper.A4);
    }

    public PdfRenderer(Function<M, Page> layout, PdfPage.Paper paper) {
        this.layout = layout;
        this.paper = paper;
    }

    @Override
    public String mediaType() {
        return "application/pdf";
    }

    @Override
    public void write(M model, OutputStream out) throws IOException {
        PdfPage.write(layout.apply(model), paper, out);
    }
}
