package dev.tandem.usecase.scan;

import dev.tandem.match.FindingId;
import java.util.Objects;

/**
 * A finding as a previous scan's JSON report gave it: its stable id and what a reader needs to
 * recognise it when it is gone (vulnerability id, component purl, product, SBOM).
 */
public record BaselineFinding(FindingId findingId, String id, String purl, String product, String sbom,
        boolean knownExploited) {

    public BaselineFinding {
        Objects.requireNonNull(findingId, "findingId");
        id = id == null ? "" : id;
        purl = purl == null ? "" : purl;
        product = product == null ? "" : product;
        sbom = sbom == null ? "" : sbom;
    }
}
