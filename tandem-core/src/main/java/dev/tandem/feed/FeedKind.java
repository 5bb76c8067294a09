package dev.tandem.feed;

/** What a feed's content is, so a download can be checked before it replaces the cached copy. */
public enum FeedKind {
    /** An OSV export: a zip archive of OSV records. */
    OSV_ZIP,
    /** The list of OSV ecosystems, one name per line. */
    ECOSYSTEM_LIST,
    /** A KEV catalogue (CISA or EU), JSON. */
    KEV,
    /** FIRST's EPSS scores, CSV, gzip-compressed or not. */
    EPSS
}
