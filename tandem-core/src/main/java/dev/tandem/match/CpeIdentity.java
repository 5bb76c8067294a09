package dev.tandem.match;

import dev.tandem.cpe.CpeName;
import java.util.List;

/** What a component is in CPE terms: the CPE its SBOM gives, CPEs Tandem inferred, or why it has none. */
sealed interface CpeIdentity {

    /** The SBOM's CPE (CycloneDX {@code cpe}, SPDX {@code cpe23Type}/{@code cpe22Type}), read. */
    record Given(CpeName name) implements CpeIdentity {
    }

    /** CPEs inferred from the component's name (or supplier and name), and the rule that did it. */
    record Inferred(List<CpeName> names, String rule) implements CpeIdentity {
        public Inferred {
            names = List.copyOf(names);
        }
    }

    /** No CPE, and why; an empty reason when the component is an OSV package that gets no inferred CPE. */
    record None(String reason) implements CpeIdentity {
    }

    /** The names to look up and to list in the inventory. */
    default List<CpeName> names() {
        return switch (this) {
            case Given given -> List.of(given.name());
            case Inferred inferred -> inferred.names();
            case None none -> List.of();
        };
    }
}
