package dev.tandem.sbom;

import java.util.List;

/** One SPDX package as written, before relationships are applied; identifiers already picked from externalRefs. */
record SpdxPackage(String spdxId, String name, String version, String supplier, String originator, List<Hash> hashes,
        String licenseConcluded, String licenseDeclared, String purl, String cpe) {
}
