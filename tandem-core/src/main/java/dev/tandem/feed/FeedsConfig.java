package dev.tandem.feed;

import java.net.URI;
import java.util.List;

/**
 * The feeds a snapshot is built from; a feed that is null is not fetched. {@link #defaults()} are
 * the publishers' own locations (docs/formats/feeds.md says where each comes from).
 */
public record FeedsConfig(OsvFeeds osv, Feed cisaKev, Feed euKev, Feed epss, NvdFeeds nvd) {

    /** osv.dev's export bucket, over HTTPS (per ecosystem {@code <Ecosystem>/all.zip}, and {@code ecosystems.txt}). */
    public static final URI OSV = URI.create("https://osv-vulnerabilities.storage.googleapis.com/");
    /** CISA's KEV catalogue, JSON. */
    public static final URI CISA_KEV = URI.create("https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json");
    /**
     * The EU KEV list of the CSIRTs Network: the file its repository syncs automatically
     * ({@code eukev/eukev.json}; the older copy under {@code advisories/eukev/} is not kept up to date).
     */
    public static final URI EU_KEV = URI.create("https://raw.githubusercontent.com/enisaeu/CNW/main/eukev/eukev.json");
    /** FIRST's current EPSS scores (a redirect to the day's {@code epss_scores-YYYY-MM-DD.csv.gz}). */
    public static final URI EPSS = URI.create("https://epss.empiricalsecurity.com/epss_scores-current.csv.gz");

    /**
     * The NVD's CVE data feeds (JSON 2.0, one gzip-compressed file per year with a {@code .meta}).
     * Not among the defaults: the years together are large, so a feeds file asks for them.
     */
    public static final URI NVD = URI.create("https://nvd.nist.gov/feeds/json/cve/2.0/");

    /** The feeds without NVD data. */
    public FeedsConfig(OsvFeeds osv, Feed cisaKev, Feed euKev, Feed epss) {
        this(osv, cisaKev, euKev, epss, null);
    }

    /** Every feed but the NVD's, from its publisher, every OSV ecosystem. */
    public static FeedsConfig defaults() {
        return new FeedsConfig(new OsvFeeds(new FeedSource.Remote(OSV), List.of()), Feed.of(new FeedSource.Remote(CISA_KEV)),
                Feed.of(new FeedSource.Remote(EU_KEV)), Feed.of(new FeedSource.Remote(EPSS)));
    }

    /** The same feeds with the OSV ecosystems replaced (empty: all). */
    public FeedsConfig withEcosystems(List<String> ecosystems) {
        return osv == null ? this : new FeedsConfig(new OsvFeeds(osv.base(), ecosystems), cisaKev, euKev, epss, nvd);
    }
}
