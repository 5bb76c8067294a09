package dev.tandem.pqc.catalog;

import dev.tandem.pqc.Classification;
import java.util.List;

/**
 * A parameter set, key-size range or curve that changes a family's answer; unset fields inherit
 * the family's values.
 */
public record ParameterRule(List<String> values, Integer min, Integer max, Classification classification,
        Integer nistCategory, Boolean cnsa, String tier, Boolean broken, String reason, String replacement,
        String note, String source) {

    public ParameterRule {
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** True when the rule names {@code value} (compared without '-' and case) or its range holds {@code number}. */
    public boolean matches(String value, Integer number) {
        if (value != null) {
            String wanted = squash(value);
            for (String candidate : values) {
                if (squash(candidate).equals(wanted)) {
                    return true;
                }
            }
        }
        if (number != null && (min != null || max != null)) {
            return (min == null || number >= min) && (max == null || number <= max);
        }
        if (number != null && !values.isEmpty()) {
            return values.contains(String.valueOf(number));
        }
        return false;
    }

    static String squash(String text) {
        return text.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }
}
