package dev.tandem.sbom;

/** One SPDX relationship: {@code element TYPE related}, as in "SPDXRef-app DEPENDS_ON SPDXRef-lib". */
record SpdxRelationship(String element, String type, String related) {
}
