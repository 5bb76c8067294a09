package dev.tandem.usecase.conformity;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.label.Label;
import dev.tandem.conformity.registry.Eligibility;
import java.util.List;
import java.util.Objects;

/** The label draft's text and QR URL (with its "not eligible" banner in a draft), the catalog, and the eligibility. */
public record LabelResult(Label label, CatalogFingerprint fingerprint, List<String> warnings, Eligibility eligibility) {

    public LabelResult {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(eligibility, "eligibility");
        warnings = List.copyOf(warnings);
    }
}
