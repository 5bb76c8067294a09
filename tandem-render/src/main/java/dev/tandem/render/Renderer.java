package dev.tandem.render;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one result in one format; binary formats (PNG, PDF) implement this, text formats {@link TextRenderer}. */
public interface Renderer<M> {

    /** What it writes, for HTTP content negotiation and file names: {@code application/json}, {@code text/html}... */
    String mediaType();

    /** Writes {@code model} to {@code out}; does not close it. */
    void write(M model, OutputStream out) throws IOException;
}
