package dev.tandem.conformity.classification;

import dev.tandem.conformity.profile.CraClass;
import java.util.List;

/**
 * The class an assessment uses and how it was reached: {@code derived} when it follows from the named
 * categories (or the explicit "none"), false when the profile names no category (the stated class, or
 * the default, is then used unchecked and {@code findings} say so). {@code statedClass} is the profile's
 * craClass, null when it states none; {@code basis} is one sentence an output can print.
 */
public record Classification(CraClass craClass, CraClass statedClass, List<Category> categories, boolean derived,
        String basis, List<String> findings, String source) {

    public Classification {
        categories = List.copyOf(categories);
        findings = List.copyOf(findings);
    }
}
