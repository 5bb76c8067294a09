package dev.tandem.sbom;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test fixtures under src/test/resources/dev/tandem/sbom. */
final class Fixtures {

    private Fixtures() {
    }

    static Path path(String relative) {
        URL url = Fixtures.class.getResource("/dev/tandem/sbom/" + relative);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + relative);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Sbom read(String relative) throws Exception {
        return SbomReaders.read(path(relative));
    }

    static Component named(Sbom sbom, String name) {
        return sbom.components().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no component named " + name + " in " + sbom.source()));
    }
}
