package dev.tandem.triage;

import java.util.Locale;

/** The lower-case, underscore spelling the CycloneDX schema gives these vocabularies. */
final class Labels {

    private Labels() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Reads {@code not_affected}, {@code not-affected} or {@code NOT_AFFECTED}. */
    static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        String key = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(key)) {
                return value;
            }
        }
        StringBuilder known = new StringBuilder();
        for (E value : type.getEnumConstants()) {
            known.append(known.isEmpty() ? "" : ", ").append(of(value));
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "': expected one of " + known);
    }
}
