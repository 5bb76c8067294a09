package dev.tandem.conformity.profile;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The CRA product class (Art. 7, 8; Annexes III and IV) that decides the conformity-assessment routes. */
public enum CraClass {
    DEFAULT("default"), IMPORTANT_I("important-i"), IMPORTANT_II("important-ii"), CRITICAL("critical");

    private final String label;

    CraClass(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** Accepts "important-i", "important I", "important_class_i" style spellings. */
    public static Optional<CraClass> parse(String text) {
        String wanted = text.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-').replace("-class-", "-");
        return Arrays.stream(values()).filter(c -> c.label.equals(wanted)).findFirst();
    }
}
