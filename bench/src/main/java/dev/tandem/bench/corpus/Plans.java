package dev.tandem.bench.corpus;

import java.util.List;

/** The plan of one synthetic advisory, from which its OSV JSON and matching SBOM components are derived. */
final class Plans {

    private Plans() {
    }

    /** One OSV event. */
    record Event(String kind, String version) {
    }

    /** One OSV range; {@code type} is SEMVER, ECOSYSTEM or GIT. */
    record Range(String type, List<Event> events) {
    }

    /**
     * One {@code affected[]} entry. {@code vulnerable} is a version inside the first range (or
     * listed), {@code safe} one outside every range, for drawing SBOM components.
     */
    record Affected(Ecosystem ecosystem, String osvEcosystem, String name, String release, List<Range> ranges,
            List<String> versions, String vulnerable, String safe) {
    }

    /** One advisory. */
    record Advisory(int index, String id, Ecosystem ecosystem, List<String> aliases, String summary, String details,
            String severityType, String severityVector, List<Affected> affected, boolean withdrawn, int year,
            List<String> references) {

        /** The CVE ids among the aliases. */
        List<String> cves() {
            return aliases.stream().filter(a -> a.startsWith("CVE-")).toList();
        }
    }
}
