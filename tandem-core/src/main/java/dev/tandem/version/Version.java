package dev.tandem.version;

/**
 * A parsed version of one scheme. Versions of the same scheme compare by that ecosystem's own
 * rules; comparing versions of different schemes is a programming error.
 */
public interface Version extends Comparable<Version> {

    /** The text the version was parsed from. */
    String text();
}
