package dev.tandem.conformity.assessment;

import java.util.List;

/**
 * One Secure by Design point Tandem checks itself, from what it was given (the referenced SBOMs and
 * advisory data, the profile's {@code secureByDesign}, {@code cvd} and {@code supportPeriod}).
 *
 * @param id       stable id: known-exploited, default-passwords, mfa, vulnerability-disclosure-policy,
 *                 security-txt, cve-cwe, memory-safety-roadmap, support-period
 * @param basis    what the outcome rests on, in words (what was looked at, and what was not)
 * @param findings details (e.g. each known-exploited component), empty when none
 * @param informs  the requirements the outcome stands for when the profile gives no evidence of its own
 *                 ({@code catalog:requirement})
 * @param source   where the point comes from
 */
public record SecureByDesignCheck(String id, String title, CheckOutcome outcome, String basis, List<String> findings,
        List<String> informs, String source) {

    public SecureByDesignCheck {
        findings = List.copyOf(findings);
        informs = List.copyOf(informs);
    }
}
