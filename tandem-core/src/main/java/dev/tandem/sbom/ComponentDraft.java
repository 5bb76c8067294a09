package dev.tandem.sbom;

import java.util.List;

/** A component as read from the document, before the dependency graph says how it relates to the subject. */
record ComponentDraft(String bomRef, String name, String group, String version, String purl, String cpe,
        String supplier, List<Hash> hashes, List<String> licenses, List<String> path, String type) {

    /** A draft whose document does not say the component's type. */
    ComponentDraft(String bomRef, String name, String group, String version, String purl, String cpe,
            String supplier, List<Hash> hashes, List<String> licenses, List<String> path) {
        this(bomRef, name, group, version, purl, cpe, supplier, hashes, licenses, path, "");
    }

    Component classify(DependencyKind kind) {
        return new Component(bomRef, name, group, version, purl, cpe, supplier, hashes, licenses, path, kind, type);
    }
}
