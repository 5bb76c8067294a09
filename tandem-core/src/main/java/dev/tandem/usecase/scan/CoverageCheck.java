package dev.tandem.usecase.scan;

import dev.tandem.match.ComponentIdentity;
import dev.tandem.match.CpeIndex;
import dev.tandem.match.Matcher;
import dev.tandem.match.SbomReport;
import dev.tandem.sbom.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Works out a scan's {@link Coverage} from its reports and what the advisory index held per ecosystem. */
final class CoverageCheck {

    private CoverageCheck() {
    }

    /** The pseudo-ecosystem of components matched by CPE against NVD and CVE records (as findings name it). */
    static final String CPE = "CPE";

    /**
     * The coverage of {@code reports}: per purl ecosystem, the components and the advisories loaded
     * for it; components without a purl an advisory database covers that were matched by CPE count
     * under {@value #CPE} against the records of {@code cpeIndex}; the rest are unmatched, as the reports
     * list them. A component of an ecosystem no advisory was loaded for that has a CPE (a source
     * repository's purl, such as {@code pkg:github/wolfssl/wolfssl}) counts under {@value #CPE} too.
     */
    static Coverage of(List<SbomReport> reports, Map<String, Long> advisoriesByEcosystem, CpeIndex cpeIndex) {
        Map<String, Long> advisories = new java.util.HashMap<>(advisoriesByEcosystem);
        advisories.merge(CPE, (long) cpeIndex.recordCount(), Long::sum);
        Map<String, Long> total = new TreeMap<>();
        long unmatched = 0;
        List<Coverage.Sbom> sboms = new ArrayList<>(reports.size());
        for (SbomReport report : reports) {
            Map<String, Long> perSbom = new TreeMap<>();
            long unmatchedHere = 0;
            java.util.Set<Component> listed = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            report.unmatched().forEach(u -> listed.add(u.component()));
            List<Component> components = report.sbom().components();
            for (int i = 0; i < components.size(); i++) {
                Component component = components.get(i);
                ComponentIdentity identity = report.identities().get(i);
                switch (identity) {
                    case ComponentIdentity.Known known -> perSbom.merge(
                            advisories.getOrDefault(known.key().ecosystem(), 0L) == 0
                                    && Matcher.matchesByCpe(component, identity, cpeIndex) ? CPE : known.key().ecosystem(),
                            1L, Long::sum);
                    case ComponentIdentity.Unmatchable u -> {
                        if (listed.contains(component)) {
                            unmatchedHere++;
                        } else {
                            // Not listed as unmatched: the scan matched it by its CPE (given or inferred).
                            perSbom.merge(CPE, 1L, Long::sum);
                        }
                    }
                }
            }
            perSbom.forEach((ecosystem, count) -> total.merge(ecosystem, count, Long::sum));
            unmatched += unmatchedHere;
            sboms.add(new Coverage.Sbom(ecosystems(perSbom, advisories), unmatchedHere));
        }
        return new Coverage(ecosystems(total, advisories), unmatched, sboms);
    }

    private static List<Coverage.Ecosystem> ecosystems(Map<String, Long> components, Map<String, Long> advisories) {
        List<Coverage.Ecosystem> list = new ArrayList<>(components.size());
        components.forEach((ecosystem, count) -> list.add(new Coverage.Ecosystem(ecosystem, count,
                advisories.getOrDefault(ecosystem, 0L))));
        return list;
    }

    /** The warnings a partial coverage gives, in words that read right in any front end. */
    static List<String> warnings(Coverage coverage) {
        List<String> warnings = new ArrayList<>();
        for (Coverage.Ecosystem ecosystem : coverage.uncovered()) {
            warnings.add("coverage: no advisories for ecosystem " + ecosystem.ecosystem() + " were loaded, so its "
                    + plural(ecosystem.components(), "component was", "components were") + " not checked");
        }
        if (coverage.unmatched() > 0) {
            warnings.add("coverage: " + plural(coverage.unmatched(), "component", "components")
                    + " could not be matched against any advisory (no purl, or a purl type no advisory database covers);"
                    + " they are listed as unmatched");
        }
        return warnings;
    }

    private static String plural(long count, String one, String many) {
        return count + " " + (count == 1 ? one : many);
    }
}
