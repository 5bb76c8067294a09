package dev.tandem.securitytxt;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The fields of a security.txt file (RFC 9116 §2.5, with the {@code CSAF} field of CSAF 2.0 §7.1.8),
 * each list in the order given. {@link #check} says what the RFC forbids (as errors) and discourages (as
 * warnings).
 */
public record SecurityTxt(String comment, List<String> contacts, Instant expires, List<String> encryption,
        List<String> acknowledgments, List<String> preferredLanguages, List<String> canonical, List<String> policy,
        List<String> hiring, List<String> csaf) {

    public SecurityTxt {
        comment = comment == null ? "" : comment;
        contacts = List.copyOf(contacts);
        Objects.requireNonNull(expires, "expires");
        encryption = List.copyOf(encryption);
        acknowledgments = List.copyOf(acknowledgments);
        preferredLanguages = List.copyOf(preferredLanguages);
        canonical = List.copyOf(canonical);
        policy = List.copyOf(policy);
        hiring = List.copyOf(hiring);
        csaf = List.copyOf(csaf);
    }

    /**
     * What the RFC requires, checked as of {@code at}: errors (the file must not be published so) and
     * warnings (allowed but discouraged).
     */
    public Check check(Instant at) {
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (contacts.isEmpty()) {
            errors.add("a security.txt needs at least one Contact (RFC 9116 §2.5.3): an e-mail address, a phone number"
                    + " or an https URL");
        }
        for (String contact : contacts) {
            String scheme = scheme(contact);
            if (!List.of("mailto", "tel", "https").contains(scheme)) {
                errors.add("the Contact '" + contact + "' is not a mailto:, tel: or https:// URI (RFC 9116 §2.5.3)");
            }
        }
        if (!expires.isAfter(at)) {
            errors.add("Expires " + expires + " is not in the future (RFC 9116 §2.5.5)");
        } else if (Duration.between(at, expires).compareTo(Duration.of(366, ChronoUnit.DAYS)) > 0) {
            warnings.add("Expires " + expires + " is more than a year ahead; RFC 9116 §2.5.5 recommends less, so the file"
                    + " is reviewed at least once a year");
        }
        web("Encryption", encryption, errors, true);
        web("Acknowledgments", acknowledgments, errors, false);
        web("Canonical", canonical, errors, false);
        web("Policy", policy, errors, false);
        web("Hiring", hiring, errors, false);
        web("CSAF", csaf, errors, false);
        for (String url : csaf) {
            if (!url.endsWith("/provider-metadata.json")) {
                errors.add("the CSAF field '" + url + "' must point at a provider-metadata.json (CSAF 2.0 §7.1.8)");
            }
        }
        for (String language : preferredLanguages) {
            if (!language.matches("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")) {
                errors.add("'" + language + "' is not a language tag (RFC 5646) for Preferred-Languages");
            }
        }
        return new Check(errors, warnings);
    }

    /** Errors and warnings of {@link #check}. */
    public record Check(List<String> errors, List<String> warnings) {
        public Check {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }
    }

    /** The file's text: an optional comment, then one line per value, as RFC 9116 §3 shows. */
    public String text() {
        StringBuilder text = new StringBuilder();
        comment.lines().forEach(line -> text.append("# ").append(line).append('\n'));
        contacts.forEach(v -> text.append("Contact: ").append(v).append('\n'));
        text.append("Expires: ").append(expires.truncatedTo(ChronoUnit.SECONDS)).append('\n');
        encryption.forEach(v -> text.append("Encryption: ").append(v).append('\n'));
        acknowledgments.forEach(v -> text.append("Acknowledgments: ").append(v).append('\n'));
        if (!preferredLanguages.isEmpty()) {
            text.append("Preferred-Languages: ").append(String.join(", ", preferredLanguages)).append('\n');
        }
        canonical.forEach(v -> text.append("Canonical: ").append(v).append('\n'));
        policy.forEach(v -> text.append("Policy: ").append(v).append('\n'));
        hiring.forEach(v -> text.append("Hiring: ").append(v).append('\n'));
        csaf.forEach(v -> text.append("CSAF: ").append(v).append('\n'));
        return text.toString();
    }

    private static void web(String field, List<String> values, List<String> errors, boolean otherSchemes) {
        for (String value : values) {
            String scheme = scheme(value);
            if (scheme.equals("http")) {
                errors.add("the " + field + " '" + value + "' is a web URI without TLS: RFC 9116 §2.5 requires https://");
            } else if (scheme.isEmpty() || (!otherSchemes && !scheme.equals("https"))) {
                errors.add("the " + field + " '" + value + "' is not an https:// URI (RFC 9116 §2.5)");
            }
        }
    }

    private static String scheme(String uri) {
        try {
            String scheme = new URI(uri.strip()).getScheme();
            return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
