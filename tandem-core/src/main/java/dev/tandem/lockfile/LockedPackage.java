package dev.tandem.lockfile;

import dev.tandem.sbom.ComponentScope;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.Hash;
import java.util.List;
import java.util.Objects;

/**
 * One package a lockfile names, resolved to one version.
 *
 * @param ref      the package's identifier in its lockfile: its package URL (two entries with the same purl
 *                 are one package)
 * @param name     the name as the ecosystem writes it ({@code @babel/core}, {@code golang.org/x/net},
 *                 {@code symfony/console}); for Maven the artifact id
 * @param group    the Maven group id; empty for every other ecosystem (their namespaces are part of the name)
 * @param version  the resolved version as the lockfile writes it; empty when the lockfile pins none (an
 *                 unpinned requirement, a local path)
 * @param purl     the package URL in the ecosystem's canonical form (purl-spec), so it matches OSV
 * @param scope    whether the product needs it at run time, derived from {@code groups} or the graph
 * @param groups   the lockfile's own words for the dependency groups it belongs to ({@code dev},
 *                 {@code optional}, {@code bundled}, a Poetry or uv group name, a Maven scope), sorted
 * @param kind     direct or transitive dependency of the project, where the lockfile says
 * @param commit   the VCS commit a package from a Git repository is pinned to; empty otherwise
 * @param origin   where the lockfile says the package comes from: {@code registry}, {@code git},
 *                 {@code path} (a local folder or workspace member), {@code url} (a tarball); empty when not said
 * @param hashes   checksums the lockfile records for the package's archive
 * @param licenses licences as the lockfile writes them (npm and Composer lockfiles record them)
 * @param line     the 1-based line where the lockfile names the package; 0 when not known
 */
public record LockedPackage(String ref, String name, String group, String version, String purl, ComponentScope scope,
        List<String> groups, DependencyKind kind, String commit, String origin, List<Hash> hashes, List<String> licenses,
        int line) {

    public LockedPackage {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(name, "name");
        group = group == null ? "" : group;
        version = version == null ? "" : version;
        purl = purl == null ? "" : purl;
        scope = scope == null ? ComponentScope.UNKNOWN : scope;
        groups = groups == null ? List.of() : List.copyOf(groups);
        kind = kind == null ? DependencyKind.UNKNOWN : kind;
        commit = commit == null ? "" : commit;
        origin = origin == null ? "" : origin;
        hashes = hashes == null ? List.of() : List.copyOf(hashes);
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
    }

    /** The same package with another kind. */
    LockedPackage withKind(DependencyKind newKind) {
        return new LockedPackage(ref, name, group, version, purl, scope, groups, newKind, commit, origin, hashes, licenses, line);
    }

    /** The same package with another scope. */
    LockedPackage withScope(ComponentScope newScope) {
        return new LockedPackage(ref, name, group, version, purl, newScope, groups, kind, commit, origin, hashes, licenses, line);
    }
}
