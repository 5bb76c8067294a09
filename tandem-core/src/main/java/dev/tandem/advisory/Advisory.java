package dev.tandem.advisory;

import dev.tandem.advisory.cvss.SeverityScore;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One advisory as published: an OSV record, or the NVD's or the CVE List's record of a CVE
 * ({@code feed}; such a record's id is the CVE id, its {@code affected} list is empty, its CPE
 * configurations are kept beside it). {@code source} is the file, or {@code archive.zip!/entry}, it
 * was read from, so every finding can name its origin. {@code withdrawn} is null unless the record
 * is withdrawn (or, for a CVE record, rejected).
 */
public record Advisory(String id, String source, String summary, String details, Instant published,
        Instant modified, Instant withdrawn, List<String> aliases, List<String> related,
        List<SeverityScore> severities, List<AffectedPackage> affected, List<String> references, AdvisoryFeed feed) {

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
        feed = feed == null ? AdvisoryFeed.OSV : feed;
    }

    /** An OSV advisory. */
    public Advisory(String id, String source, String summary, String details, Instant published, Instant modified,
            Instant withdrawn, List<String> aliases, List<String> related, List<SeverityScore> severities,
            List<AffectedPackage> affected, List<String> references) {
        this(id, source, summary, details, published, modified, withdrawn, aliases, related, severities, affected,
                references, AdvisoryFeed.OSV);
    }

    /** Longest first line of {@code details} a snapshot keeps for an advisory without a summary (renderers cut at 200). */
    public static final int HEADLINE_LENGTH = 1_000;

    /** The first line of {@code details} (stripped first), at most {@link #HEADLINE_LENGTH} characters. */
    public static String headline(String details) {
        String line = details.strip().lines().findFirst().orElse("");
        return line.length() > HEADLINE_LENGTH ? line.substring(0, HEADLINE_LENGTH) : line;
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
