package dev.tandem.usecase.sbom;

import dev.tandem.sbom.ComponentScope;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.Hash;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The SBOM of one or more lockfiles, ready to be written in an SBOM format: the product it describes
 * (null when neither the caller nor a single lockfile names one), every package once (a package several
 * lockfiles pin is one component with an occurrence in each), the dependency edges the lockfiles state,
 * the lockfiles read, and warnings about what they could not say.
 *
 * @param product      the product: the one named by the caller, or the project of the only lockfile; null when none
 * @param components   the projects of the lockfiles (when they are not the product) and every package they pin,
 *                     in the order of the lockfiles
 * @param dependencies per ref (the product's, a project's or a package's), the refs it depends on; every ref
 *                     named is the product's or a component's
 */
public record SbomFromLockfileResult(String toolVersion, Instant generatedAt, Entry product, List<Entry> components,
        Map<String, List<String>> dependencies, List<Source> sources, List<String> warnings) {

    public SbomFromLockfileResult {
        Objects.requireNonNull(toolVersion, "toolVersion");
        Objects.requireNonNull(generatedAt, "generatedAt");
        components = List.copyOf(components);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        dependencies.forEach((from, to) -> copy.put(from, List.copyOf(to)));
        dependencies = Collections.unmodifiableMap(copy);
        sources = List.copyOf(sources);
        warnings = List.copyOf(warnings);
    }

    /**
     * One lockfile read.
     *
     * @param format        the format's name ({@code package-lock.json}, {@code mvn dependency:list})
     * @param formatVersion the lockfile's own format version where it states one; empty otherwise
     */
    public record Source(String path, String format, String formatVersion, int packages) {
    }

    /** Where a lockfile names a package: the lockfile's path and the 1-based line (0 when not known). */
    public record Occurrence(String path, int line) {
    }

    /**
     * One component: a project a lockfile names, or a package it pins.
     *
     * @param ref         its reference in the SBOM (its purl when it has one)
     * @param project     true for a project (an application the lockfile is for), false for a package
     * @param group       the Maven group id; empty otherwise
     * @param version     the version pinned; empty when the lockfile pins none
     * @param purl        the package URL; empty when none can be given (a local path without a name)
     * @param scope       whether the product needs it at run time, as the lockfile says
     * @param groups      the lockfiles' own words for its dependency groups ({@code dev}, {@code optional}, a
     *                    Poetry group, a Maven scope)
     * @param kind        a direct or transitive dependency, as the lockfile says
     * @param commit      the VCS commit it is pinned to; empty otherwise
     * @param origin      {@code registry}, {@code git}, {@code path} or {@code url}; empty when not said
     * @param hashes      the checksums the lockfiles record
     * @param licenses    licences as the lockfiles write them
     * @param occurrences where the lockfiles name it
     */
    public record Entry(String ref, boolean project, String name, String group, String version, String purl,
            ComponentScope scope, List<String> groups, DependencyKind kind, String commit, String origin,
            List<Hash> hashes, List<String> licenses, List<Occurrence> occurrences) {

        public Entry {
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(name, "name");
            groups = List.copyOf(groups);
            hashes = List.copyOf(hashes);
            licenses = List.copyOf(licenses);
            occurrences = List.copyOf(occurrences);
        }
    }
}
