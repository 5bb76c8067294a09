package dev.tandem.advisory;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates the test fixtures under src/test/resources/advisory (see SOURCES.md there). */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String relative) {
        URL url = Fixtures.class.getResource("/advisory/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
