package dev.tandem.conformity.registry;

import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.RegimeResult;
import dev.tandem.conformity.assessment.RequirementResult;
import dev.tandem.conformity.catalog.Requirement;
import dev.tandem.conformity.catalog.RequirementCatalog;
import dev.tandem.conformity.profile.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the assessment lets a product's registry entry and label be issued: not when any NIST IR 8425
 * outcome is assessed as not met (directly, or through a crosswalk entry whose evidence side is contained
 * in it). The US Cyber Trust Mark criteria are the IR 8425 outcomes (FCC 24-26); Tandem checks only what
 * the assessment shows: the CLA's authorisation and the FCC's eligibility screening are not modelled.
 */
public record Eligibility(boolean eligible, List<Outcome> notMet, String banner) {

    /** The IR 8425 catalog the Cyber Trust Mark criteria come from. */
    public static final String CRITERIA = "nist-ir-8425";

    public Eligibility {
        notMet = List.copyOf(notMet);
    }

    /** An IR 8425 sub-item assessed as not met, its outcome, and how its status was reached. */
    public record Outcome(String outcome, String outcomeTitle, String requirement, String title, String how) {
    }

    /** The eligibility the assessment shows; a profile not assessed against IR 8425 is eligible as far as Tandem knows. */
    public static Eligibility of(Assessment assessment, RequirementCatalog criteria) {
        List<Outcome> notMet = new ArrayList<>();
        RegimeResult regime = assessment.regime(CRITERIA).orElse(null);
        if (regime != null) {
            for (RequirementResult r : regime.requirements()) {
                if (r.status() != Status.NOT_MET) {
                    continue;
                }
                Requirement item = criteria.find(r.id()).orElseThrow();
                Requirement outcome = item.parent() == null ? item : criteria.find(item.parent()).orElse(item);
                String how = r.derivedFrom() == null ? "assessed as not met" + (r.justification() == null ? "" : ": " + r.justification())
                        : "not met through " + r.derivedFrom().mapping() + ": evidence for " + String.join(", ",
                                r.derivedFrom().requirements()) + " (" + r.derivedFrom().catalog() + ") is not met";
                notMet.add(new Outcome(outcome.id(), outcome.title(), r.id(), r.title(), how));
            }
        }
        if (notMet.isEmpty()) {
            return new Eligibility(true, List.of(), null);
        }
        String banner = "NOT ELIGIBLE FOR THE US CYBER TRUST MARK - DRAFT, DO NOT PUBLISH OR AFFIX: NIST IR 8425 "
                + (notMet.size() == 1 ? "outcome" : "outcomes") + " assessed as not met: " + String.join(", ",
                        notMet.stream().map(o -> o.requirement() + " (" + o.outcome() + ")").toList());
        return new Eligibility(false, notMet, banner);
    }
}
