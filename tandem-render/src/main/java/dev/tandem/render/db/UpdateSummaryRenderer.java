package dev.tandem.render.db;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.feed.Fetched;
import dev.tandem.render.TextRenderer;
import dev.tandem.render.text.TextTable;
import dev.tandem.usecase.scan.DbBuildResult;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * After a refresh: each feed with what its fetch did, its size and the checks it passed, then the
 * snapshot written (advisories, KEV, EPSS) or that it was current already.
 */
final class UpdateSummaryRenderer implements TextRenderer<UpdatedSnapshot> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(UpdatedSnapshot updated, PrintWriter out) {
        TextTable feeds = TextTable.of("feed", "status", "size", "checked", "source").withRule().stripTrailingSpaces();
        for (Fetched feed : updated.result().feeds()) {
            feeds.row(feed.feed(), feed.status().label(), feed.status() == Fetched.Status.LOCAL && feed.size() == 0 ? "folder"
                    : bytes(feed.size()), String.join(", ", feed.verified()), feed.source());
        }
        out.print(feeds.render());
        if (updated.result().upToDate()) {
            out.printf(Locale.ROOT, "Up to date: %s already holds these feeds; nothing was rebuilt%n",
                    updated.target());
            return;
        }
        DbBuildResult built = updated.result().build();
        AdvisoryDatabase.Stats stats = built.stats();
        out.printf(Locale.ROOT, "Wrote %s (%,d bytes) in %.1f s%n", updated.target(), built.size(),
                updated.took().toNanos() / 1e9);
        out.printf(Locale.ROOT, "Advisories: %,d (%,d withdrawn, ignored; %,d duplicates) forming %,d vulnerabilities%n",
                stats.advisories(), stats.withdrawn(), stats.duplicates(), stats.vulnerabilities());
        out.println("KEV: " + KevCounts.text(stats));
        out.println("EPSS: " + (built.epss() == null ? "none" : EpssText.text(built.epss())));
    }

    private static String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KiB", size / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", size / (1024.0 * 1024));
    }
}
