package dev.tandem.server.portfolio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.FeedRefreshes;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Whether the advisory snapshot in use is stale: its last update (the snapshot's build time, or the
 * last refresh that found the feeds unchanged, whichever is later) older than a set age, or the feed
 * refresh failing its last N runs. A stale snapshot means new advisories and KEV entries are not
 * seen, so the 24-hour CRA clock would not start: the health endpoint, the monitoring page and the
 * portfolio page say so.
 */
public final class AdvisoryFreshness {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** When a snapshot counts as stale: older than {@code staleAfter}, or the last {@code failedRefreshes} refreshes failed. */
    public record Limits(Duration staleAfter, int failedRefreshes) {

        /** 48 hours (two missed daily publications of KEV and the OSV exports), three failed refreshes in a row. */
        public static final Limits DEFAULT = new Limits(Duration.ofHours(48), 3);

        public Limits {
            Objects.requireNonNull(staleAfter, "staleAfter");
            if (staleAfter.isNegative() || staleAfter.isZero()) {
                throw new IllegalArgumentException("staleAfter must be positive, not " + staleAfter);
            }
            if (failedRefreshes < 1) {
                throw new IllegalArgumentException("failedRefreshes must be at least 1, not " + failedRefreshes);
            }
        }
    }

    /** One reason the snapshot is stale. */
    public sealed interface Warning {

        /** The kind, as written in JSON: {@code age} or {@code refresh-failing}. */
        String kind();

        /** One sentence for a person. */
        String message();
    }

    /** The snapshot's last update is older than the limit. */
    public record Aged(Instant lastUpdate, Duration age, Duration staleAfter) implements Warning {
        @Override
        public String kind() {
            return "age";
        }

        @Override
        public String message() {
            return "The advisory snapshot was last updated " + lastUpdate + ", " + hours(age) + " ago, more than the "
                    + hours(staleAfter) + " allowed: new advisories and KEV entries are not being seen.";
        }
    }

    /** The last {@code failures} refreshes failed; {@code feeds} names the feeds whose fetch failed, when known. */
    public record RefreshFailing(int failures, List<String> feeds, Instant lastAttempt, String lastError) implements Warning {
        public RefreshFailing {
            feeds = List.copyOf(feeds);
        }

        @Override
        public String kind() {
            return "refresh-failing";
        }

        @Override
        public String message() {
            return "The feed refresh failed its last " + failures + " runs" + (feeds.isEmpty() ? ""
                    : " (failing feed" + (feeds.size() == 1 ? " " : "s ") + String.join(", ", feeds) + ")")
                    + "; last error: " + lastError;
        }
    }

    /** The check's answer: when the snapshot was last updated (null: no snapshot) and the warnings, empty when fresh. */
    public record Status(Instant lastUpdate, Limits limits, List<Warning> warnings) {
        public Status {
            warnings = List.copyOf(warnings);
        }

        public boolean stale() {
            return !warnings.isEmpty();
        }
    }

    private final Database database;
    private final Clock clock;
    private final CurrentAdvisories advisories;
    private final Limits limits;

    public AdvisoryFreshness(Database database, Clock clock, CurrentAdvisories advisories, Limits limits) {
        this.database = database;
        this.clock = clock;
        this.advisories = advisories;
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public Limits limits() {
        return limits;
    }

    /** Checks now (the injected clock): the snapshot in memory and the refresh log. */
    public Status check() {
        Instant now = clock.instant();
        List<FeedRefreshes.Refresh> log = database.read(h -> new FeedRefreshes(h).list(limits.failedRefreshes() + 20));
        List<Warning> warnings = new ArrayList<>();
        CurrentAdvisories.Loaded loaded = advisories.peek();
        Instant lastUpdate = null;
        if (loaded.sha256() != null) {
            lastUpdate = loaded.snapshot().info().provenance().builtAt();
            // A refresh that found every feed unchanged confirms the snapshot is current as of its end.
            Optional<Instant> confirmed = log.stream()
                    .filter(r -> r.finishedAt() != null && loaded.sha256().equals(r.snapshot())
                            && (r.outcome().equals("changed") || r.outcome().equals("unchanged")))
                    .map(FeedRefreshes.Refresh::finishedAt).findFirst();
            if (confirmed.isPresent() && confirmed.get().isAfter(lastUpdate)) {
                lastUpdate = confirmed.get();
            }
            Duration age = Duration.between(lastUpdate, now);
            if (age.compareTo(limits.staleAfter()) > 0) {
                warnings.add(new Aged(lastUpdate, age, limits.staleAfter()));
            }
        }
        failing(log).ifPresent(warnings::add);
        return new Status(lastUpdate, limits, warnings);
    }

    /** The failure run at the head of the log, when it is at least the limit long. */
    private Optional<RefreshFailing> failing(List<FeedRefreshes.Refresh> log) {
        List<FeedRefreshes.Refresh> finished = log.stream().filter(r -> !r.outcome().equals("running")).toList();
        int run = 0;
        while (run < finished.size() && finished.get(run).outcome().equals("failed")) {
            run++;
        }
        if (run < limits.failedRefreshes()) {
            return Optional.empty();
        }
        Set<String> feeds = new LinkedHashSet<>();
        for (FeedRefreshes.Refresh r : finished.subList(0, run)) {
            feeds.addAll(failedFeeds(r.feeds()));
        }
        FeedRefreshes.Refresh last = finished.get(0);
        return Optional.of(new RefreshFailing(run, List.copyOf(feeds), last.startedAt(),
                last.error() == null ? "(none recorded)" : last.error()));
    }

    private static List<String> failedFeeds(String feedsJson) {
        List<String> names = new ArrayList<>();
        try {
            for (JsonNode feed : JSON.readTree(feedsJson == null ? "[]" : feedsJson)) {
                if ("failed".equals(feed.path("status").asText())) {
                    names.add(feed.path("feed").asText());
                }
            }
        } catch (IOException e) {
            // an unreadable log entry names no feed; the failure still counts
        }
        return names;
    }

    private static String hours(Duration d) {
        long hours = d.toHours();
        return hours >= 1 ? hours + " h" : d.toMinutes() + " min";
    }
}
