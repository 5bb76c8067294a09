package dev.tandem.conformity.assessment;

import dev.tandem.conformity.profile.ProductProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Secure by Design points Tandem can check itself, each from what it was handed and saying so:
 * known-exploited components from a scan of the referenced SBOMs (not determined without advisory data),
 * the rest from the profile's own statements (not determined when the profile is silent). Nothing is
 * fetched: a URL is checked for its form, not its content.
 */
final class SecureByDesignChecks {

    private static final String BAD_PRACTICES = "cisa-bad-practices";
    private static final String BP_SOURCE = "CISA/FBI, Product Security Bad Practices v2.0 (January 2025)";

    /**
     * An absolute URL: scheme, authority, path, query, fragment (RFC 3986 appendix B, without whitespace).
     * A pattern rather than java.net: the conformity engines stay clear of network classes.
     */
    private static final Pattern URL = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*)://([^/?#\\s]+)([^?#\\s]*)(\\?[^#\\s]*)?(#\\S*)?");

    private SecureByDesignChecks() {
    }

    static SecureByDesignResult check(ProductProfile profile, KnownExploited knownExploited) {
        ProductProfile.SecureByDesign sbd = profile.secureByDesign();
        List<SecureByDesignCheck> checks = new ArrayList<>();
        checks.add(knownExploited(knownExploited));
        checks.add(defaultPasswords(sbd == null ? null : sbd.defaultPasswords()));
        checks.add(mfa(sbd == null ? null : sbd.mfa()));
        checks.add(disclosurePolicy(profile.cvd()));
        checks.add(securityTxt(profile));
        checks.add(cve(sbd == null ? null : sbd.cve()));
        checks.add(memorySafety(sbd == null ? null : sbd.memorySafetyRoadmap()));
        checks.add(supportPeriod(profile.supportPeriod()));
        return new SecureByDesignResult(checks);
    }

    private static SecureByDesignCheck knownExploited(KnownExploited input) {
        String title = "No known exploited vulnerabilities in the product's components";
        List<String> informs = List.of(BAD_PRACTICES + ":BP-KEV");
        String source = BP_SOURCE + ", presence of known exploited vulnerabilities";
        return switch (input) {
            case KnownExploited.NotChecked n -> new SecureByDesignCheck("known-exploited", title,
                    CheckOutcome.NOT_DETERMINED, n.why(), List.of(), informs, source);
            case KnownExploited.Checked c -> {
                String against = "advisories " + (c.advisorySources().isEmpty() ? "(none named)" : String.join(", ", c.advisorySources()))
                        + "; known-exploited catalogues " + (c.kevSources().isEmpty() ? "(none)" : String.join(", ", c.kevSources()));
                if (c.sboms() == 0) {
                    yield new SecureByDesignCheck("known-exploited", title, CheckOutcome.NOT_DETERMINED,
                            "no referenced SBOM could be read, so no component was checked (" + against + ")", List.of(),
                            informs, source);
                }
                if (c.kevEntries() == 0) {
                    yield new SecureByDesignCheck("known-exploited", title, CheckOutcome.NOT_DETERMINED,
                            "the advisory data holds no known-exploited catalogue entry, so no component can be found "
                                    + "known-exploited (" + against + "); give --kev or a snapshot built with one", List.of(),
                            informs, source);
                }
                String scanned = c.components() + " components of " + c.sboms() + " referenced SBOM(s) matched against " + against;
                if (c.hits().isEmpty()) {
                    yield new SecureByDesignCheck("known-exploited", title, CheckOutcome.MET,
                            scanned + ": none is known-exploited (components without a match cannot be judged: see tandem scan)",
                            List.of(), informs, source);
                }
                List<String> findings = c.hits().stream().map(h -> h.component() + ": " + h.vulnerability() + " ("
                        + String.join(", ", h.catalogues()) + ") in " + h.sbom()).toList();
                yield new SecureByDesignCheck("known-exploited", title, CheckOutcome.NOT_MET,
                        scanned + ": " + c.hits().size() + " known-exploited vulnerable component(s)", findings, informs, source);
            }
        };
    }

    private static SecureByDesignCheck defaultPasswords(String scheme) {
        String title = "No default passwords";
        List<String> informs = List.of(BAD_PRACTICES + ":BP-DEFAULT-PASSWORDS");
        String source = BP_SOURCE + ", presence of default passwords";
        if (scheme == null) {
            return new SecureByDesignCheck("default-passwords", title, CheckOutcome.NOT_DETERMINED,
                    "the profile does not say how initial credentials are set (secureByDesign.defaultPasswords)", List.of(),
                    informs, source);
        }
        boolean shared = scheme.equals("shared-default");
        return new SecureByDesignCheck("default-passwords", title, shared ? CheckOutcome.NOT_MET : CheckOutcome.MET,
                "the profile says initial credentials are '" + scheme + "'" + (shared
                        ? ": a password shared by every instance is a default password"
                        : ", which is no shared default password (stated by the manufacturer, not tested)"),
                List.of(), informs, source);
    }

    private static SecureByDesignCheck mfa(ProductProfile.Mfa mfa) {
        String title = "Multi-factor authentication supported, phishing-resistant MFA included";
        List<String> informs = List.of(BAD_PRACTICES + ":BP-MFA");
        String source = BP_SOURCE + ", lack of multi-factor authentication";
        if (mfa == null || mfa.supported() == null) {
            return new SecureByDesignCheck("mfa", title, CheckOutcome.NOT_DETERMINED,
                    "the profile does not say whether the product supports MFA (secureByDesign.mfa.supported)", List.of(),
                    informs, source);
        }
        if (!mfa.supported()) {
            return new SecureByDesignCheck("mfa", title, CheckOutcome.NOT_MET, "the profile says the product does not support MFA",
                    List.of(), informs, source);
        }
        if (!Boolean.TRUE.equals(mfa.phishingResistant())) {
            return new SecureByDesignCheck("mfa", title, CheckOutcome.PARTIAL, "MFA is supported, but "
                    + (mfa.phishingResistant() == null ? "the profile does not say whether phishing-resistant MFA is"
                    : "phishing-resistant MFA is not") + " (secureByDesign.mfa.phishingResistant)", List.of(), informs, source);
        }
        return new SecureByDesignCheck("mfa", title, CheckOutcome.MET, "the profile says MFA, phishing-resistant MFA included, is supported"
                + (Boolean.TRUE.equals(mfa.enabledByDefault()) ? " and on by default" : ""), List.of(), informs, source);
    }

    private static SecureByDesignCheck disclosurePolicy(ProductProfile.VulnerabilityDisclosure cvd) {
        String title = "A vulnerability disclosure policy is published";
        List<String> informs = List.of(BAD_PRACTICES + ":BP-VDP");
        String source = BP_SOURCE + ", failure to publish a vulnerability disclosure policy";
        if (cvd == null || cvd.policyUrl() == null) {
            return new SecureByDesignCheck("vulnerability-disclosure-policy", title, CheckOutcome.NOT_DETERMINED,
                    "the profile names no policy (cvd.policyUrl)", List.of(), informs, source);
        }
        if (!isHttpUrl(cvd.policyUrl())) {
            return new SecureByDesignCheck("vulnerability-disclosure-policy", title, CheckOutcome.NOT_MET,
                    "cvd.policyUrl '" + cvd.policyUrl() + "' is not an http(s) URL, so it is not published where researchers find it",
                    List.of(), informs, source);
        }
        return new SecureByDesignCheck("vulnerability-disclosure-policy", title, CheckOutcome.MET,
                "published at " + cvd.policyUrl() + " (the URL's form was checked; its content was not fetched: Tandem works offline,"
                        + " and CISA also asks that it authorise good-faith testing)", List.of(), informs, source);
    }

    /** RFC 9116: security.txt is served over HTTPS under /.well-known/ (a legacy top-level path is allowed only as a redirect). */
    private static SecureByDesignCheck securityTxt(ProductProfile profile) {
        String title = "security.txt (RFC 9116) tells researchers where to report";
        String source = "RFC 9116, section 3 (location: https, /.well-known/security.txt); CISA Secure by Design pledge goal 5";
        ProductProfile.SecureByDesign sbd = profile.secureByDesign();
        String url = sbd == null ? null : sbd.securityTxt();
        String from = "secureByDesign.securityTxt";
        if (url == null && profile.us() != null && profile.us().securityContact() != null
                && profile.us().securityContact().toLowerCase(Locale.ROOT).endsWith("security.txt")) {
            url = profile.us().securityContact();
            from = "us.securityContact";
        }
        if (url == null) {
            return new SecureByDesignCheck("security-txt", title, CheckOutcome.NOT_DETERMINED,
                    "the profile names no security.txt (secureByDesign.securityTxt)", List.of(), List.of(), source);
        }
        Matcher uri = URL.matcher(url);
        if (!uri.matches()) {
            return new SecureByDesignCheck("security-txt", title, CheckOutcome.NOT_MET, from + " '" + url + "' is not a URL",
                    List.of(), List.of(), source);
        }
        List<String> problems = new ArrayList<>();
        if (!"https".equalsIgnoreCase(uri.group(1))) {
            problems.add("it is not served over https (RFC 9116 requires it)");
        }
        if (!"/.well-known/security.txt".equals(uri.group(3))) {
            problems.add("its path is not /.well-known/security.txt");
        }
        if (!problems.isEmpty()) {
            return new SecureByDesignCheck("security-txt", title, CheckOutcome.NOT_MET, from + " " + url + ": "
                    + String.join("; ", problems), List.of(), List.of(), source);
        }
        return new SecureByDesignCheck("security-txt", title, CheckOutcome.MET, from + " " + url
                + " is where RFC 9116 puts it (its content, Contact and Expires fields included, was not fetched)",
                List.of(), List.of(), source);
    }

    private static SecureByDesignCheck cve(ProductProfile.CvePublishing cve) {
        String title = "CVE records published in time, each with its CWE";
        List<String> informs = List.of(BAD_PRACTICES + ":BP-CVE-CWE");
        String source = BP_SOURCE + ", failure to publish timely CVEs with CWEs; Secure by Design pledge goal 6";
        if (cve == null || cve.publishes() == null) {
            return new SecureByDesignCheck("cve-cwe", title, CheckOutcome.NOT_DETERMINED,
                    "the profile does not say whether CVE records are published (secureByDesign.cve.publishes)", List.of(),
                    informs, source);
        }
        if (!cve.publishes()) {
            return new SecureByDesignCheck("cve-cwe", title, CheckOutcome.NOT_MET, "the profile says no CVE records are published",
                    List.of(), informs, source);
        }
        if (!Boolean.TRUE.equals(cve.withCwe())) {
            return new SecureByDesignCheck("cve-cwe", title, CheckOutcome.NOT_MET, "CVE records are published, but "
                    + (cve.withCwe() == null ? "the profile does not say they carry the CWE" : "without the CWE")
                    + " of the root cause (secureByDesign.cve.withCwe)", List.of(), informs, source);
        }
        return new SecureByDesignCheck("cve-cwe", title, CheckOutcome.MET, "the profile says CVE records are published with the CWE"
                + (Boolean.TRUE.equals(cve.cna()) ? ", as a CVE Numbering Authority" : "")
                + " (timeliness is not checked)", List.of(), informs, source);
    }

    private static SecureByDesignCheck memorySafety(String roadmap) {
        String title = "A memory-safety roadmap is published (or the product is memory-safe)";
        List<String> informs = List.of(BAD_PRACTICES + ":BP-MEMORY-SAFETY");
        String source = BP_SOURCE + ", development in memory-unsafe languages (roadmap by 1 January 2026)";
        if (roadmap == null) {
            return new SecureByDesignCheck("memory-safety-roadmap", title, CheckOutcome.NOT_DETERMINED,
                    "the profile names no roadmap (secureByDesign.memorySafetyRoadmap)", List.of(), informs, source);
        }
        if (roadmap.equals("not-needed")) {
            return new SecureByDesignCheck("memory-safety-roadmap", title, CheckOutcome.MET,
                    "the profile says the product is written in memory-safe languages only (stated, not checked)", List.of(),
                    informs, source);
        }
        if (!isHttpUrl(roadmap)) {
            return new SecureByDesignCheck("memory-safety-roadmap", title, CheckOutcome.NOT_MET, "secureByDesign.memorySafetyRoadmap '"
                    + roadmap + "' is neither a URL where it is published nor 'not-needed'", List.of(), informs, source);
        }
        return new SecureByDesignCheck("memory-safety-roadmap", title, CheckOutcome.MET, "published at " + roadmap
                + " (not fetched)", List.of(), informs, source);
    }

    private static SecureByDesignCheck supportPeriod(ProductProfile.SupportPeriod period) {
        String title = "The product's support period is stated";
        List<String> informs = List.of(BAD_PRACTICES + ":BP-SUPPORT-PERIOD");
        String source = BP_SOURCE + ", insufficient product support periods";
        if (period == null || period.end() == null) {
            return new SecureByDesignCheck("support-period", title, CheckOutcome.NOT_DETERMINED,
                    "the profile states no support end (supportPeriod.end)", List.of(), informs, source);
        }
        return new SecureByDesignCheck("support-period", title, CheckOutcome.MET, "security support until " + period.end()
                + " (supportPeriod.end); the CRA minimum is checked under supportPeriod", List.of(), informs, source);
    }

    private static boolean isHttpUrl(String text) {
        Matcher uri = URL.matcher(text);
        return uri.matches() && (uri.group(1).equalsIgnoreCase("https") || uri.group(1).equalsIgnoreCase("http"));
    }
}
