package dev.tandem.advisory.nvd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/** The NVD and CVE record fixtures under src/test/resources/nvd (see SOURCES.md there). */
public final class NvdFixtures {

    private NvdFixtures() {
    }

    public static Path path(String relative) {
        URL url = NvdFixtures.class.getResource("/nvd/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** All 645 records of the embedded-products data set, as one zip. */
    public static Path embedded() {
        return path("nvd-embedded-645.zip");
    }
}
