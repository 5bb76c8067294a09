package dev.tandem.version;

/** OSV range types. GIT ranges are recorded but never evaluated (commits are not versions). */
public enum RangeType {
    SEMVER, ECOSYSTEM, GIT
}
