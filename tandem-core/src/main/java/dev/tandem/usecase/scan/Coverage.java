package dev.tandem.usecase.scan;

import java.util.List;
import java.util.Objects;

/**
 * How much of the SBOMs the scan could actually check: per ecosystem of the components, how many
 * components it has and how many advisories the scan had for it, and how many components could
 * not be matched at all (no purl, a type no advisory database covers). A component counts as
 * checked only when its ecosystem had advisories; "no known vulnerabilities" is true only of a
 * complete coverage. Components of every ecosystem plus the unmatched ones add up to all components.
 *
 * @param ecosystems every ecosystem of the components, by name
 * @param unmatched  components that could not be matched against any advisory
 * @param sboms      the same, per SBOM, in the order the SBOMs were given
 */
public record Coverage(List<Ecosystem> ecosystems, long unmatched, List<Sbom> sboms) {

    public Coverage {
        ecosystems = List.copyOf(ecosystems);
        sboms = List.copyOf(sboms);
    }

    /** One ecosystem: its components and the advisories the scan had for it. */
    public record Ecosystem(String ecosystem, long components, long advisories) {
        public Ecosystem {
            Objects.requireNonNull(ecosystem, "ecosystem");
        }

        /** True when its components were checked against at least one advisory of the ecosystem. */
        public boolean checked() {
            return advisories > 0;
        }
    }

    /** The coverage of one SBOM. */
    public record Sbom(List<Ecosystem> ecosystems, long unmatched) {
        public Sbom {
            ecosystems = List.copyOf(ecosystems);
        }

        /** True when every component was matched and checked against data for its ecosystem. */
        public boolean complete() {
            return unmatched == 0 && ecosystems.stream().allMatch(Ecosystem::checked);
        }

        /** Components of ecosystems the scan had no advisories for. */
        public long unchecked() {
            return ecosystems.stream().filter(e -> !e.checked()).mapToLong(Ecosystem::components).sum();
        }
    }

    /** True when every component of every SBOM was matched and checked against data for its ecosystem. */
    public boolean complete() {
        return unmatched == 0 && ecosystems.stream().allMatch(Ecosystem::checked);
    }

    /** Components of ecosystems the scan had no advisories for. */
    public long unchecked() {
        return ecosystems.stream().filter(e -> !e.checked()).mapToLong(Ecosystem::components).sum();
    }

    /** The ecosystems the scan had no advisories for. */
    public List<Ecosystem> uncovered() {
        return ecosystems.stream().filter(e -> !e.checked()).toList();
    }
}
