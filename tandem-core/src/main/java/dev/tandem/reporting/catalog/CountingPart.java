package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;
import java.util.List;

/**
 * One provision of a counting rule: which time bases it touches, its effect on the outer limit
 * ({@code start-next-full-hour}, {@code end-of-last-day}, {@code next-working-day-end},
 * {@code next-working-day-noon}), and the stages/roles it does not apply to.
 */
public record CountingPart(String id, List<String> appliesTo, String effect, String calendar, String text,
        String source, Confidence confidence, List<String> exceptStages, List<String> exceptRoleAny,
        String exceptSource, String note) {

    public CountingPart {
        appliesTo = appliesTo == null ? List.of() : List.copyOf(appliesTo);
        exceptStages = exceptStages == null ? List.of() : List.copyOf(exceptStages);
        exceptRoleAny = exceptRoleAny == null ? List.of() : List.copyOf(exceptRoleAny);
    }

    public boolean appliesTo(TimeBasis basis) {
        return appliesTo.contains(basis.key());
    }
}
