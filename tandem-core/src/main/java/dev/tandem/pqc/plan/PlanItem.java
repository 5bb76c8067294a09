package dev.tandem.pqc.plan;

import dev.tandem.pqc.classification.ClassifiedAsset;
import java.util.List;

/**
 * One asset in the plan: what replaces it and by when.
 *
 * @param replacement null when nothing needs replacing (quantum-resistant) or the asset needs review first
 * @param deadline the earliest applicable milestone over the chosen markets, or null when none applies
 * @param milestones every milestone that applies, earliest first
 */
public record PlanItem(ClassifiedAsset asset, String replacement, AppliedMilestone deadline,
        List<AppliedMilestone> milestones) {

    public PlanItem {
        milestones = List.copyOf(milestones);
    }

    /** "immediately", an ISO date, or null. */
    public String deadlineText() {
        return deadline == null ? null : deadline.when();
    }
}
