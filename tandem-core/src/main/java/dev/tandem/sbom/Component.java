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
 * @param type       the CycloneDX component type as written ({@code library}, {@code firmware},
 *                   {@code machine-learning-model}, {@code data}, …); empty for SPDX, which has no such field
 */
public record Component(String bomRef, String name, String group, String version, String purl, String cpe,
        String supplier, List<Hash> hashes, List<String> licenses, List<String> path, DependencyKind dependency,
        ComponentScope scope, String type) {

    /** The CycloneDX type of a machine-learning model (CycloneDX 1.5 and later). */
    public static final String MACHINE_LEARNING_MODEL = "machine-learning-model";
    /** The CycloneDX type of a data component, such as a dataset (CycloneDX 1.5 and later). */
    public static final String DATA = "data";

    /** A component whose source states neither its scope nor its type. */
    public Component(String bomRef, String name, String group, String version, String purl, String cpe,
            String supplier, List<Hash> hashes, List<String> licenses, List<String> path, DependencyKind dependency) {
        this(bomRef, name, group, version, purl, cpe, supplier, hashes, licenses, path, dependency, ComponentScope.UNKNOWN, "");
    }

    /** A component of a lockfile: its scope where the format says, no type. */
    public Component(String bomRef, String name, String group, String version, String purl, String cpe,
            String supplier, List<Hash> hashes, List<String> licenses, List<String> path, DependencyKind dependency,
            ComponentScope scope) {
        this(bomRef, name, group, version, purl, cpe, supplier, hashes, licenses, path, dependency, scope, "");
    }

    /** A component of an SBOM document: its type as written, no scope. */
    public Component(String bomRef, String name, String group, String version, String purl, String cpe,
            String supplier, List<Hash> hashes, List<String> licenses, List<String> path, DependencyKind dependency,
            String type) {
        this(bomRef, name, group, version, purl, cpe, supplier, hashes, licenses, path, dependency, ComponentScope.UNKNOWN, type);
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
        type = type == null ? "" : type;
    }

    /** True for a machine-learning model or a data component: what an AI inventory lists. */
    public boolean isAi() {
        return type.equals(MACHINE_LEARNING_MODEL) || type.equals(DATA);
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
