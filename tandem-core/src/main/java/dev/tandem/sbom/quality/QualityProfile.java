package dev.tandem.sbom.quality;

import dev.tandem.catalog.CatalogFiles;
import dev.tandem.catalog.CatalogSource;
import dev.tandem.catalog.Confidence;
import dev.tandem.input.InputException;
import java.util.List;
import java.util.Optional;

/** An SBOM quality profile: the fields it asks for, at SBOM or component level, each with its source. */
public record QualityProfile(String id, String title, String source, Confidence confidence, List<Field> fields) {

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

    private static final String PATH = "sbom/quality-profiles.yaml";

    /** The bundled profiles (tr-03183-2, ntia). */
    public static List<QualityProfile> bundled() {
        try {
            return load(CatalogSource.bundled());
        } catch (InputException e) {
            throw new IllegalStateException("the bundled catalog is broken: " + e.getMessage(), e);
        }
    }

    /** The profiles of {@code source}. */
    public static List<QualityProfile> load(CatalogSource source) throws InputException {
        return CatalogFiles.read(source, PATH, Profiles.class).profiles();
    }

    public static Optional<QualityProfile> bundled(String id) {
        return bundled().stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
