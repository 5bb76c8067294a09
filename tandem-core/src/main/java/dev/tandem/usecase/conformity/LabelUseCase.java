package dev.tandem.usecase.conformity;

import dev.tandem.conformity.label.Label;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;

/** The US Cyber Trust Mark label draft of a product: its text and the registry URL of its QR code. */
public final class LabelUseCase {

    private final KnowledgeBase knowledge;

    public LabelUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** Throws for a malformed profile or one without {@code us.registryUrl}. */
    public LabelResult run(LabelRequest request) throws InputException {
        ProductProfile profile = knowledge.conformity().withCatalogIds(request.profile().profile());
        return new LabelResult(Label.of(profile), knowledge.fingerprint(), profile.warnings());
    }
}
