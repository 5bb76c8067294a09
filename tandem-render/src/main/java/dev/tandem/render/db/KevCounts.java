package dev.tandem.render.db;

import dev.tandem.advisory.AdvisoryDatabase;
import java.util.Locale;

/**
 * KEV counts in words that add up: entries (one per catalogue listing), the distinct CVEs they
 * name, and of those CVEs how many joined an advisory and how many none.
 */
final class KevCounts {

    private KevCounts() {
    }

    static String text(AdvisoryDatabase.Stats stats) {
        long cves = stats.kevMatched() + stats.unmatchedKev();
        return String.format(Locale.ROOT, "%,d %s naming %,d %s: %,d %s an advisory, %,d matched none",
                stats.kevEntries(), stats.kevEntries() == 1 ? "entry" : "entries", cves, cves == 1 ? "CVE" : "CVEs",
                stats.kevMatched(), stats.kevMatched() == 1 ? "CVE matched" : "CVEs matched", stats.unmatchedKev());
    }
}
