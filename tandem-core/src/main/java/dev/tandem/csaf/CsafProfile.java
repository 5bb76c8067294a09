package dev.tandem.csaf;

import java.util.Locale;

/** The CSAF 2.0 profiles Tandem writes (§4.4 security advisory, §4.5 VEX). */
public enum CsafProfile {
    CSAF_VEX("csaf_vex"), CSAF_SECURITY_ADVISORY("csaf_security_advisory");

    private final String category;

    CsafProfile(String category) {
        this.category = category;
    }

    /** The value of {@code /document/category}. */
    public String category() {
        return category;
    }

    /** The profile of a category name, in any case. */
    public static CsafProfile of(String category) {
        for (CsafProfile profile : values()) {
            if (profile.category.equals(category.strip().toLowerCase(Locale.ROOT))) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown CSAF profile '" + category + "': expected csaf_vex or csaf_security_advisory");
    }
}
