package dev.tandem.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** A renderer of text (UTF-8): tables, JSON, Markdown, HTML, CSV, SARIF. */
public interface TextRenderer<M> extends Renderer<M> {

    /** Writes {@code model} as text. */
    void render(M model, PrintWriter out);

    /** The whole output as a string. */
    default String text(M model) {
        StringWriter buffer = new StringWriter();
        try (PrintWriter out = new PrintWriter(buffer)) {
            render(model, out);
        }
        return buffer.toString();
    }

    @Override
    default void write(M model, OutputStream out) throws IOException {
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        render(model, writer);
        writer.flush();
        if (writer.checkError()) {
            throw new IOException("could not write the " + mediaType() + " output");
        }
    }

    /** A text renderer from a media type and a function writing the text. */
    static <M> TextRenderer<M> of(String mediaType, java.util.function.BiConsumer<M, PrintWriter> body) {
        return new TextRenderer<>() {
            @Override
            public String mediaType() {
                return mediaType;
            }

            @Override
            public void render(M model, PrintWriter out) {
                body.accept(model, out);
            }
        };
    }
}
