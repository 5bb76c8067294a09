package dev.tandem.usecase.conformity;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.label.Label;
import java.util.List;
import java.util.Objects;

/** The label draft's text and QR URL, with the catalog the profile was read against. */
public record LabelResult(Label label, CatalogFingerprint fingerprint, List<String> warnings) {

    public LabelResult {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(fingerprint, "fingerprint");
        warnings = List.copyOf(warnings);
    }
}
