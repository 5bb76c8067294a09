package dev.tandem.server.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** The log of feed refreshes: when, where, what was fetched and what it changed. */
public final class FeedRefreshes {

    /** One refresh. */
    public record Refresh(long id, String trigger, String instance, Instant startedAt, Instant finishedAt, String outcome,
            String feeds, String snapshot, String error) {
    }

    private final Handle h;

    public FeedRefreshes(Handle h) {
        this.h = h;
    }

    public long start(String trigger, String instance, Instant at) {
        return h.createQuery("insert into feed_refreshes (trigger, instance, started_at, outcome) values (:trigger,"
                        + " :instance, :at, 'running') returning id")
                .bind("trigger", trigger).bind("instance", instance).bind("at", at).mapTo(Long.class).one();
    }

    /** Marks refreshes left running by an instance that stopped (killed) as failed. */
    public void interrupted(Instant at) {
        h.createUpdate("update feed_refreshes set outcome = 'failed', finished_at = :at, error = 'interrupted: the"
                        + " instance running it stopped before it finished; the previous snapshot stayed in use'"
                        + " where outcome = 'running'")
                .bind("at", at).execute();
    }

    public void finish(long id, Instant at, String outcome, String feedsJson, String snapshot, String error) {
        h.createUpdate("update feed_refreshes set finished_at = :at, outcome = :outcome, feeds = :feeds::jsonb,"
                        + " snapshot = :snapshot, error = :error where id = :id")
                .bind("at", at).bind("outcome", outcome).bind("feeds", feedsJson).bind("snapshot", snapshot)
                .bind("error", error).bind("id", id).execute();
    }

    public List<Refresh> list(int limit) {
        return h.createQuery("select id, trigger, instance, started_at, finished_at, outcome, feeds::text, snapshot, error"
                        + " from feed_refreshes order by id desc limit :limit")
                .bind("limit", limit)
                .map((rs, ctx) -> new Refresh(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), FindingChanges.instant(rs.getTimestamp(5)), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
    }
}
