/**
 * Fetching the public feeds a snapshot is built from — OSV exports per ecosystem, CISA KEV, EU KEV,
 * EPSS — from URLs or local paths, into a cache beside the snapshot: HTTP with conditional requests
 * (ETag, If-Modified-Since), retries with backoff, integrity checks (the server's digests, the
 * length, the content's own structure), and each cached file replaced only once complete. The feeds
 * file ({@code tandem-feeds.yaml}, docs/formats/feeds.md) says which feeds and where.
 */
package dev.tandem.feed;
