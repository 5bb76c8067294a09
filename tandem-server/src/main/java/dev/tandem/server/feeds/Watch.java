package dev.tandem.server.feeds;

import dev.tandem.server.monitor.CaseBook;
import dev.tandem.server.monitor.Monitoring;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.FeedRefreshes;
import java.util.List;

/** What the API and the pages call for monitoring: cases, settings and logs, the scheduler, the refresh log. */
public record Watch(CaseBook cases, Monitoring monitoring, Scheduling scheduling, Database database) {

    /** The newest refreshes, newest first. */
    public List<FeedRefreshes.Refresh> refreshes(int limit) {
        return database.read(h -> new FeedRefreshes(h).list(limit));
    }
}
