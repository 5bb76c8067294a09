package dev.tandem.conformity.assessment;

import dev.tandem.ai.AiComponent;
import dev.tandem.conformity.profile.ProductProfile;
import java.util.List;

/**
 * The AI side of an assessment: the functions the profile declares, the provider's high-risk
 * classification (Tandem does not classify), the models and datasets the referenced SBOMs list with what
 * their inventory flags, findings joining the two, and the CRA Article 12 presumption when the system is
 * high-risk.
 */
public record AiAssessment(List<ProductProfile.AiFunction> functions, boolean highRisk, String highRiskBasis,
        Boolean continuesLearning, List<AiComponent> components, List<String> findings,
        List<PresumptionResult> presumptions) {
    public AiAssessment {
        functions = List.copyOf(functions);
        components = List.copyOf(components);
        findings = List.copyOf(findings);
        presumptions = List.copyOf(presumptions);
    }
}
