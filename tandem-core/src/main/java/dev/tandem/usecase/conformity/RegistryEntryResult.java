package dev.tandem.usecase.conformity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.conformity.registry.Eligibility;
import java.util.List;
import java.util.Objects;

/**
 * The US Cyber Trust Mark registry entry in CTA-2120 1.0.0 shape, already validated against the
 * bundled schema, with the catalog the profile was read against and the product's eligibility (not
 * eligible only in a requested draft). The entry is handed out as a copy, so the result stays unchanged
 * whatever a renderer does with it.
 */
public record RegistryEntryResult(ObjectNode entry, CatalogFingerprint fingerprint, List<String> warnings,
        Eligibility eligibility) {

    public RegistryEntryResult {
        entry = entry.deepCopy();
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(eligibility, "eligibility");
        warnings = List.copyOf(warnings);
    }

    @Override
    public ObjectNode entry() {
        return entry.deepCopy();
    }
}
