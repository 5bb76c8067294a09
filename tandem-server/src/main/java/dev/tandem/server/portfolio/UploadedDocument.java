package dev.tandem.server.portfolio;

import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import java.util.function.UnaryOperator;

/**
 * A document sent as a request body (an SBOM, a VEX document), as every upload first takes it: from
 * an editor, not empty, addressed by its SHA-256, named as sent or by a default made from its hash.
 *
 * @param name the name given, as given; else {@code defaultName} of the hash
 */
record UploadedDocument(byte[] content, String sha256, String name) {

    /** @param kind what the body should be, for the refusal of an empty one ("SBOM", "VEX") */
    static UploadedDocument received(Caller caller, byte[] content, String name, UnaryOperator<String> defaultName,
            String kind) {
        Accounts.require(caller, Role.EDITOR);
        if (content.length == 0) {
            throw Refusal.invalid("the request body is empty: send the " + kind + " document as the body");
        }
        String sha256 = SbomIntake.sha256(content);
        return new UploadedDocument(content, sha256, name == null || name.isBlank() ? defaultName.apply(sha256) : name);
    }
}
