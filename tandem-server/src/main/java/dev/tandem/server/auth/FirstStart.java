package dev.tandem.server.auth;

import dev.tandem.server.store.Database;
import dev.tandem.server.store.Organisations;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;

/**
 * The first start on an empty database: the organisation {@code default}, its user {@code admin}
 * and an admin API key. The key goes to {@code DATA/admin-key} and the password to
 * {@code DATA/admin-password}, both readable by the owner only (0600, written under a temporary
 * name and moved into place, so no other user ever sees them); neither is ever logged.
 */
public final class FirstStart {

    private FirstStart() {
    }

    /** What the first start created: where the secrets were written. */
    public record Created(String organisation, String adminUsername, Path keyFile, Path passwordFile) {
    }

    /** Creates the first organisation unless one exists; empty when the database was set up before. */
    public static Optional<Created> ensure(Database database, Path secretsDir, Clock clock) throws IOException {
        Accounts.NewOrganisation created = database.transaction(h -> new Organisations(h).any() ? null
                : Accounts.bootstrap(h, Authenticator.OPERATOR_ORGANISATION, "admin", "system", clock.instant()));
        if (created == null) {
            return Optional.empty();
        }
        Files.createDirectories(secretsDir);
        Path keyFile = secretsDir.resolve("admin-key");
        Path passwordFile = secretsDir.resolve("admin-password");
        writeSecret(keyFile, created.adminKey().secret());
        writeSecret(passwordFile, created.adminPassword());
        return Optional.of(new Created(created.tenant().name(), created.adminUsername(), keyFile, passwordFile));
    }

    private static void writeSecret(Path file, String secret) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
