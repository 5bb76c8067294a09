package dev.tandem.render.html;

import dev.tandem.render.TextRenderer;
import java.io.PrintWriter;
import java.util.function.Function;

/** The {@code html} format of a result: the result mapped onto a {@link Page}, written by {@link HtmlPage}. */
public final class PageRenderer<M> implements TextRenderer<M> {

    private final Function<M, Page> layout;

    public PageRenderer(Function<M, Page> layout) {
        this.layout = layout;
    }

    @Override
    public String mediaType() {
        return "text/html";
    }

    @Override
    public void render(M model, PrintWriter out) {
        out.print(HtmlPage.render(layout.apply(model)));
    }

    /** The page a result becomes, for the PDF renderer and for tests. */
    public Page page(M model) {
        return layout.apply(model);
    }
}
