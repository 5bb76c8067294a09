package dev.tandem.sbom.quality;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** An SBOM quality profile: the fields it asks for, at SBOM or component level, each with its source. */
public record QualityProfile(String id, String title, String source, String confidence, List<Field> fields) {

    public QualityProfile {
        fields = List.copyOf(fields);
    }

    /** One field a profile asks for. */
    public record Field(String id, String level, String obligation, String title, String source) {
        public boolean required() {
            return "required".equals(obligation);
        }

        public boolean componentLevel() {
            return "component".equals(level);
        }
    }

    /** The file shape. */
    record Profiles(List<QualityProfile> profiles) {
    }

    private static final String PATH = "catalog/sbom/quality-profiles.yaml";

    /** The bundled profiles (tr-03183-2, ntia). */
    public static List<QualityProfile> bundled() {
        ObjectMapper strict = JsonInput.yaml().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = QualityProfile.class.getClassLoader().getResourceAsStream(PATH)) {
            if (in == null) {
                throw new IllegalStateException("bundled catalog file missing from the classpath: " + PATH);
            }
            return strict.readValue(in, Profiles.class).profiles();
        } catch (IOException e) {
            throw new UncheckedIOException("bundled catalog file " + PATH + " is broken: " + e.getMessage(), e);
        }
    }

    public static Optional<QualityProfile> bundled(String id) {
        return bundled().stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
