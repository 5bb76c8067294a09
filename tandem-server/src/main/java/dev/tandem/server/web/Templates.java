package dev.tandem.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** The precompiled jte templates (compiled to Java at build time by the jte Maven plugin). */
final class Templates {

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "dev.tandem.server.web.templates");

    String render(String name, Object model) {
        StringOutput output = new StringOutput();
        engine.render(name, model, output);
        return output.toString();
    }
}
