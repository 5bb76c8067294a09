package dev.tandem.sbom;

import java.util.List;

/**
 * One component of an SBOM. Strings are empty, never null, when the document does not say.
 *
 * @param bomRef     the document's own identifier (CycloneDX bom-ref, SPDX SPDXID)
 * @param purl       the package URL exactly as written in the document
 * @param cpe        the CPE 2.2 or 2.3 string as written
 * @param path       names of the enclosing components, outermost first (empty for top level)
 * @param dependency direct or transitive dependency of the subject, from the dependency graph
 * @param scope      whether the product needs it at run time, where the source says (lockfiles)
 */
public record Component(String bomRef, String name, String group, String version, String purl, String cpe,
        String supplier, List<Hash> hashes, List<String> licenses, List<String> path, DependencyKind dependency,
        ComponentScope scope) {

    /** A component whose source does not state its scope (SBOM documents). */
    public Component(String bomRef, String name, String group, String version, String purl, String cpe,
            String supplier, List<Hash> hashes, List<String> licenses, List<String> path, DependencyKind dependency) {
        this(bomRef, name, group, version, purl, cpe, supplier, hashes, licenses, path, dependency, ComponentScope.UNKNOWN);
    }

    public Component {
        bomRef = bomRef == null ? "" : bomRef;
        name = name == null ? "" : name;
        group = group == null ? "" : group;
        version = version == null ? "" : version;
        purl = purl == null ? "" : purl;
        cpe = cpe == null ? "" : cpe;
        supplier = supplier == null ? "" : supplier;
        hashes = hashes == null ? List.of() : List.copyOf(hashes);
        licenses = licenses == null ? List.of() : List.copyOf(licenses);
        path = path == null ? List.of() : List.copyOf(path);
        dependency = dependency == null ? DependencyKind.UNKNOWN : dependency;
        scope = scope == null ? ComponentScope.UNKNOWN : scope;
    }

    /** A short human label: the purl when present, else group/name@version. */
    public String label() {
        if (!purl.isEmpty()) {
            return purl;
        }
        String base = group.isEmpty() ? name : group + "/" + name;
        return version.isEmpty() ? base : base + "@" + version;
    }
}
