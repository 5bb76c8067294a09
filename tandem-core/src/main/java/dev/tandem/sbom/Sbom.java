package dev.tandem.sbom;

import java.util.List;
import java.util.Objects;

/**
 * One parsed SBOM: where it came from, its format, the product it describes and every component
 * in document order (nested components flattened, their nesting kept in {@link Component#path()}).
 */
public record Sbom(String source, SbomFormat format, String specVersion, Subject subject, List<Component> components) {

    public Sbom {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        specVersion = specVersion == null ? "" : specVersion;
        subject = subject == null ? Subject.UNKNOWN : subject;
        components = List.copyOf(components);
    }
}
