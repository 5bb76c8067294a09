package dev.tandem.usecase.conformity;

import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.Assessor;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.conformity.registry.Eligibility;
import dev.tandem.conformity.registry.RegistryEntryWriter;
import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the CTA-2120 registry entry of a product. The product is assessed first: an entry for a product
 * with a NIST IR 8425 outcome assessed as not met is refused, or written as a draft marked "not
 * eligible" when the request asks for one. The entry is checked against the bundled schema here, before
 * any renderer runs, so an entry that would not validate is never written anywhere.
 */
public final class RegistryEntryUseCase {

    private final KnowledgeBase knowledge;

    public RegistryEntryUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** Throws for a malformed profile, a profile without the US data, an entry the schema refuses, or a product not eligible. */
    public RegistryEntryResult run(RegistryEntryRequest request) throws InputException, NotEligibleException {
        ProductProfile profile = knowledge.conformity().withCatalogIds(request.profile().profile());
        Eligibility eligibility = eligibility(knowledge, profile);
        if (!eligibility.eligible() && !request.draft()) {
            throw new NotEligibleException("The registry entry is", eligibility);
        }
        List<String> warnings = new ArrayList<>(profile.warnings());
        if (!eligibility.eligible()) {
            warnings.add(eligibility.banner());
        }
        return new RegistryEntryResult(RegistryEntryWriter.writeValid(profile), knowledge.fingerprint(), warnings,
                eligibility);
    }

    /** What the profile's assessment says about the Cyber Trust Mark criteria; the SBOMs play no part in it. */
    static Eligibility eligibility(KnowledgeBase knowledge, ProductProfile profile) throws InputException {
        Assessment assessment = new Assessor(knowledge.conformity(), knowledge.sbomProfiles()).assess(profile, Map.of());
        return Eligibility.of(assessment, knowledge.conformity().catalog(Eligibility.CRITERIA).orElseThrow());
    }
}
