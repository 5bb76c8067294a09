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
    EPSS,
    /** An NVD CVE data feed: gzip-compressed JSON, checked against its {@code .meta} when there is one. */
    NVD_GZ,
    /** An NVD {@code .meta} file: the size and SHA-256 of the uncompressed feed. */
    NVD_META
}
