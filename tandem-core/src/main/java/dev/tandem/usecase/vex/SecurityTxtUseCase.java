package dev.tandem.usecase.vex;

import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.conformity.profile.ProductProfileReader;
import dev.tandem.input.InputException;
import dev.tandem.openpgp.SigningKey;
import dev.tandem.securitytxt.SecurityTxt;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * security.txt (RFC 9116) from the organisation's contact data: explicit values first, then the product
 * profile's manufacturer. A file the RFC forbids (no Contact, an Expires in the past, a web URI without
 * https) is an {@link IllegalArgumentException} naming each problem.
 */
public final class SecurityTxtUseCase {

    public SecurityTxtResult run(SecurityTxtRequest request) throws InputException {
        List<String> contacts = new ArrayList<>(request.contacts());
        List<String> canonical = new ArrayList<>(request.canonical());
        String organisation = "";
        if (request.product() != null) {
            ProductProfile profile = ProductProfileReader.read(request.product());
            ProductProfile.Manufacturer manufacturer = profile.manufacturer();
            if (manufacturer != null) {
                organisation = manufacturer.name() == null ? "" : manufacturer.name();
                if (contacts.isEmpty() && manufacturer.email() != null && !manufacturer.email().isBlank()) {
                    contacts.add("mailto:" + manufacturer.email().strip());
                }
                String host = host(manufacturer.website());
                if (canonical.isEmpty() && host != null) {
                    canonical.add("https://" + host + "/.well-known/security.txt");
                }
            }
            if (contacts.isEmpty() && profile.us() != null && profile.us().securityContact() != null) {
                String contact = profile.us().securityContact().strip();
                if (!contact.endsWith("security.txt")) {
                    contacts.add(contact.contains("@") && !contact.contains(":") ? "mailto:" + contact : contact);
                }
            }
        }
        Instant expires = request.expires() != null ? request.expires() : request.at().plus(request.validFor());
        String comment = "Security contact" + (organisation.isEmpty() ? "" : " of " + organisation)
                + ", written with Tandem on " + request.at().toString().substring(0, 10) + ".";
        SecurityTxt fields = new SecurityTxt(comment, contacts, expires, request.encryption(), request.acknowledgments(),
                request.preferredLanguages(), canonical, request.policy(), request.hiring(), request.csaf());
        SecurityTxt.Check check = fields.check(request.at());
        if (!check.errors().isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", check.errors()));
        }
        List<String> warnings = new ArrayList<>(check.warnings());
        String text = fields.text();
        boolean signed = request.key() != null;
        if (signed) {
            text = SigningKey.read(request.key(), request.passphrase()).clearSign(text, request.at());
        } else {
            warnings.add("the file is not signed: RFC 9116 §2.3 recommends an OpenPGP cleartext signature (give a key)");
        }
        return new SecurityTxtResult(fields, text, signed, warnings);
    }

    private static String host(String website) {
        if (website == null || website.isBlank()) {
            return null;
        }
        try {
            return new URI(website.strip()).getHost();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
