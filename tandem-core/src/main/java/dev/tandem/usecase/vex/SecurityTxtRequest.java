package dev.tandem.usecase.vex;

import dev.tandem.input.InputDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A security.txt: explicit fields, and a product profile to take what is missing from (the manufacturer's
 * e-mail as Contact, its website's /.well-known/security.txt as Canonical). Expiry is {@code expires}, or
 * {@code at} plus {@code validFor}. A key (and its passphrase) cleartext-signs the file (RFC 9116 §2.3).
 */
public record SecurityTxtRequest(List<String> contacts, Instant expires, Duration validFor, List<String> encryption,
        List<String> acknowledgments, List<String> preferredLanguages, List<String> canonical, List<String> policy,
        List<String> hiring, List<String> csaf, InputDocument product, InputDocument key, char[] passphrase, Instant at) {

    public SecurityTxtRequest {
        contacts = List.copyOf(contacts);
        validFor = validFor == null ? Duration.ofDays(180) : validFor;
        encryption = List.copyOf(encryption);
        acknowledgments = List.copyOf(acknowledgments);
        preferredLanguages = List.copyOf(preferredLanguages);
        canonical = List.copyOf(canonical);
        policy = List.copyOf(policy);
        hiring = List.copyOf(hiring);
        csaf = List.copyOf(csaf);
        passphrase = passphrase == null ? new char[0] : passphrase;
        Objects.requireNonNull(at, "at");
    }
}
