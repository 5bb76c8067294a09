package dev.tandem.sbom;

import java.util.List;

/**
 * One SPDX package as written (JSON or tag-value alike), before relationships are applied; identifiers
 * already picked from externalRefs. {@code fileName} and {@code downloadLocation} are "" when absent.
 */
record SpdxPackage(String spdxId, String name, String version, String supplier, String originator, List<Hash> hashes,
        String licenseConcluded, String licenseDeclared, String purl, String cpe, String fileName,
        String downloadLocation) {
}
