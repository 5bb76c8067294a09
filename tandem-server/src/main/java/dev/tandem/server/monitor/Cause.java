package dev.tandem.server.monitor;

import java.util.List;

/**
 * Why a release was scanned: {@code kind} is {@code sbom.upload}, {@code finding.triage},
 * {@code vex.upload}, {@code vex.delete}, {@code advisories.replace} or {@code feed.refresh}; {@code feeds} the feeds whose content changed
 * (a refresh), {@code actor} who or what did it.
 */
public record Cause(String kind, List<String> feeds, String actor) {

    public Cause {
        feeds = List.copyOf(feeds);
    }

    public static Cause of(String kind, String actor) {
        return new Cause(kind, List.of(), actor);
    }

    /** The feeds that explain a change: KEV feeds for a KEV change, the EPSS feed for an EPSS change, advisory feeds otherwise (all when none match). */
    List<String> feedsFor(String change) {
        if (change.equals("epss") && feeds.contains("epss")) {
            return List.of("epss");
        }
        boolean kev = change.startsWith("kev-");
        // An NVD .meta and the OSV ecosystem list describe other feeds; the feeds they describe are the cause.
        List<String> matching = feeds.stream().filter(f -> f.startsWith("kev/") == kev && !f.equals("epss")
                && !f.endsWith(".meta") && !f.equals("osv/ecosystems.txt")).toList();
        return matching.isEmpty() ? feeds : matching;
    }
}
