package dev.tandem.vex;

import dev.tandem.triage.Statement;
import java.util.List;
import java.util.Objects;

/**
 * One VEX document read: its statements in the CycloneDX vocabulary (one per vulnerability and
 * component), and warnings about what could be read only partly (a product named without a package
 * URL or CPE, a version range that cannot be evaluated).
 */
public record VexDocument(String source, VexFormat format, List<Statement> statements, List<String> warnings) {

    public VexDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }
}
