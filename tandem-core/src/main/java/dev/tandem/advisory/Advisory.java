package dev.tandem.advisory;

import dev.tandem.advisory.cvss.SeverityScore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One advisory as published (an OSV record). {@code source} is the file, or
 * {@code archive.zip!/entry}, it was read from, so every finding can name its origin.
 * {@code withdrawn} is null unless the record is withdrawn.
 */
public record Advisory(String id, String source, String summary, String details, Instant published,
        Instant modified, Instant withdrawn, List<String> aliases, List<String> related,
        List<SeverityScore> severities, List<AffectedPackage> affected, List<String> references) {

    public Advisory {
        Objects.requireNonNull(id, "id");
        source = source == null ? "" : source;
        summary = summary == null ? "" : summary;
        details = details == null ? "" : details;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        related = related == null ? List.of() : List.copyOf(related);
        severities = severities == null ? List.of() : List.copyOf(severities);
        affected = affected == null ? List.of() : List.copyOf(affected);
        references = references == null ? List.of() : List.copyOf(references);
    }

    public boolean isWithdrawn() {
        return withdrawn != null;
    }

    /**
     * Every severity the advisory states, record-level first, then those of its {@code affected[]}
     * entries, each type and vector once (a snapshot keeps exactly this list).
     */
    public List<SeverityScore> statedSeverities() {
        java.util.LinkedHashMap<String, SeverityScore> distinct = new java.util.LinkedHashMap<>();
        severities.forEach(s -> distinct.putIfAbsent(s.type() + "\u0000" + s.vector(), s));
        affected.forEach(a -> a.severities().forEach(s -> distinct.putIfAbsent(s.type() + "\u0000" + s.vector(), s)));
        return List.copyOf(distinct.values());
    }
}
