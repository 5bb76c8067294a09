package dev.tandem.cli.options;

import dev.tandem.render.Formats;

/** A command whose {@code --format} choices are a renderer registry; its help lists them (see {@link FormatOption}). */
public interface RendersFormats {

    /** The formats this command writes, default first. */
    Formats<?> formats();
}
