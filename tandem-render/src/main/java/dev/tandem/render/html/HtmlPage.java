package dev.tandem.render.html;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link Page} as one self-contained HTML5 document (inline stylesheet, no scripts, nothing
 * loaded from elsewhere) through the precompiled jte templates, every text escaped. The markup is
 * well-formed XML, so {@link PdfPage} prints the very same document.
 */
public final class HtmlPage {

    /** The package the jte Maven plugin generates the templates into (tandem-render/pom.xml). */
    static final String TEMPLATE_PACKAGE = "dev.tandem.render.html.template";

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            HtmlPage.class.getClassLoader(), TEMPLATE_PACKAGE);

    private static final String STYLESHEET = resource("tandem.css");

    private HtmlPage() {
    }

    /** The whole document. */
    public static String render(Page page) {
        StringOutput out = new StringOutput(32 * 1024);
        TEMPLATES.render("page.jte", new java.util.HashMap<>(java.util.Map.of("page", page, "css", STYLESHEET)), out);
        return out.toString();
    }

    /** The one stylesheet of every document (screen, dark and light, print). */
    public static String stylesheet() {
        return STYLESHEET;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " beside " + HtmlPage.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
