package dev.tandem.usecase.conformity;

import dev.tandem.conformity.label.Label;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.conformity.registry.Eligibility;
import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;
import java.util.ArrayList;
import java.util.List;

/**
 * The US Cyber Trust Mark label draft of a product: its text and the registry URL of its QR code. A
 * product with a NIST IR 8425 outcome assessed as not met gets no label, or, when the request asks for a
 * draft, one with a "not eligible" banner across it.
 */
public final class LabelUseCase {

    private final KnowledgeBase knowledge;

    public LabelUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** Throws for a malformed profile, one without {@code us.registryUrl}, or a product not eligible. */
    public LabelResult run(LabelRequest request) throws InputException, NotEligibleException {
        ProductProfile profile = knowledge.conformity().withCatalogIds(request.profile().profile());
        Label label = Label.of(profile);
        Eligibility eligibility = RegistryEntryUseCase.eligibility(knowledge, profile);
        if (!eligibility.eligible() && !request.draft()) {
            throw new NotEligibleException("The label is", eligibility);
        }
        List<String> warnings = new ArrayList<>(profile.warnings());
        if (!eligibility.eligible()) {
            label = label.withBanner(eligibility.banner());
            warnings.add(eligibility.banner());
        }
        return new LabelResult(label, knowledge.fingerprint(), warnings, eligibility);
    }
}
