package dev.tandem.cli.options;

import dev.tandem.cli.exit.UsageException;
import dev.tandem.server.store.DatabaseSettings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The shared {@code --data} and {@code --database-url} options of the server commands. Without a URL
 * the database is the embedded PostgreSQL under {@code --data} (default {@code ~/.local/share/tandem});
 * with one, an external PostgreSQL, its user and password from {@code TANDEM_DATABASE_USER} and
 * {@code TANDEM_DATABASE_PASSWORD} (or in the URL), never on the command line where {@code ps} shows them.
 */
public final class DatabaseOption {

    /** The environment variable holding the external database's user. */
    public static final String USER_VARIABLE = "TANDEM_DATABASE_USER";
    /** The environment variable holding the external database's password. */
    public static final String PASSWORD_VARIABLE = "TANDEM_DATABASE_PASSWORD";

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder of the embedded database and of the first start's admin-key and admin-password files "
                    + "(default: ~/.local/share/tandem).")
    Path data;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "An external PostgreSQL instead of the embedded one: jdbc:postgresql://HOST:PORT/DB. User and "
                    + "password from the environment variables " + USER_VARIABLE + " and " + PASSWORD_VARIABLE + ".")
    String databaseUrl;

    /** True when the command line named a database ({@code --data} or {@code --database-url}). */
    public boolean given() {
        return data != null || (databaseUrl != null && !databaseUrl.isBlank());
    }

    /** The data folder, as given or the default. */
    public Path dataDir() {
        if (data != null) {
            return data.toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "tandem");
    }

    /** The database to use, from the options and {@code environment}. */
    public DatabaseSettings settings(Map<String, String> environment) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            return new DatabaseSettings.Embedded(dataDir());
        }
        try {
            return new DatabaseSettings.External(databaseUrl.strip(), environment.get(USER_VARIABLE),
                    environment.get(PASSWORD_VARIABLE));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--database-url: " + e.getMessage());
        }
    }
}
