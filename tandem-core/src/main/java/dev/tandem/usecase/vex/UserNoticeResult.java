package dev.tandem.usecase.vex;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.reporting.catalog.Notice;
import java.util.Objects;

/**
 * The notice: the CSAF security advisory that carries it (its vulnerabilities are the actively exploited
 * ones, its notes the catalog's Art. 14(8) text), the catalog notice it quotes with its source and
 * confidence, and the catalog's fingerprint.
 */
public record UserNoticeResult(AdvisoryResult advisory, Notice notice, CatalogFingerprint catalog) {

    public UserNoticeResult {
        Objects.requireNonNull(advisory, "advisory");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(catalog, "catalog");
    }
}
