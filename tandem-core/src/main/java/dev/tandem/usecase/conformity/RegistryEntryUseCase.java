package dev.tandem.usecase.conformity;

import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.conformity.registry.RegistryEntryWriter;
import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;

/**
 * Writes the CTA-2120 registry entry of a product. The entry is checked against the bundled schema
 * here, before any renderer runs, so an entry that would not validate is never written anywhere.
 */
public final class RegistryEntryUseCase {

    private final KnowledgeBase knowledge;

    public RegistryEntryUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** Throws for a malformed profile, a profile without the US data, or an entry the schema refuses. */
    public RegistryEntryResult run(RegistryEntryRequest request) throws InputException {
        ProductProfile profile = knowledge.conformity().withCatalogIds(request.profile().profile());
        return new RegistryEntryResult(RegistryEntryWriter.writeValid(profile), knowledge.fingerprint(),
                profile.warnings());
    }
}
