package dev.tandem.sbom;

/**
 * Whether the product needs a component when it runs, as the source says: a lockfile's development
 * and optional dependency groups, a Maven scope. UNKNOWN when the source does not say (SBOM documents
 * are not read for it yet; several lockfile formats cannot express it, see docs/formats/lockfiles.md).
 * Components of every scope are kept: a development dependency is marked, never dropped.
 */
public enum ComponentScope {
    /** Needed at run time (npm and Composer production dependencies, Maven compile and runtime scope). */
    REQUIRED,
    /** Installed when available or asked for (npm optional dependencies, Python extras, a Maven optional dependency). */
    OPTIONAL,
    /** For development, tests or builds only (npm devDependencies, Composer packages-dev, Maven test scope). */
    DEVELOPMENT,
    /** The source does not say. */
    UNKNOWN
}
