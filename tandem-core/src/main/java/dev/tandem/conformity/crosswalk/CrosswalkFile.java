package dev.tandem.conformity.crosswalk;

import dev.tandem.catalog.Confidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The YAML shape of a crosswalk file; {@link #resolve()} expands reference keys into citations. */
public record CrosswalkFile(String id, String from, String to, String title, String matchingRationale, String status,
        Map<String, String> references, List<Entry> mappings) {

    /** One entry as written in YAML. */
    public record Entry(String source, List<String> targets, Relationship relationship, String rationale,
            String reason, String gap, Confidence confidence, List<String> sources, String common, String onlyInSource,
            String onlyInTargets) {
    }

    public Crosswalk resolve() {
        List<Mapping> resolved = new ArrayList<>();
        for (Entry e : mappings) {
            List<String> citations = new ArrayList<>();
            for (String key : e.sources() == null ? List.<String>of() : e.sources()) {
                String citation = references == null ? null : references.get(key);
                if (citation == null) {
                    throw new IllegalStateException("crosswalk " + id + ", entry " + e.source()
                            + ": unknown reference key '" + key + "'");
                }
                citations.add(citation);
            }
            resolved.add(new Mapping(e.source(), e.targets(), e.relationship(), e.rationale(), e.reason(), e.gap(),
                    e.confidence(), citations, null, e.common(), e.onlyInSource(), e.onlyInTargets()));
        }
        return new Crosswalk(id, from, to, title, matchingRationale, status, resolved, false);
    }
}
