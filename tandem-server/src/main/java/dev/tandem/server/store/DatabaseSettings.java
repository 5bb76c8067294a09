package dev.tandem.server.store;

import java.nio.file.Path;
import java.util.Objects;

/** Where the database is: embedded under a data folder, or an external PostgreSQL. */
public sealed interface DatabaseSettings {

    /** PostgreSQL 17 started from Maven artifacts, its files under {@code dataDir/postgres}. */
    record Embedded(Path dataDir) implements DatabaseSettings {
        public Embedded {
            Objects.requireNonNull(dataDir, "dataDir");
        }
    }

    /** An external PostgreSQL by JDBC URL; user and password may also be in the URL. */
    record External(String url, String user, String password) implements DatabaseSettings {
        public External {
            Objects.requireNonNull(url, "url");
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("the database URL must start with jdbc:postgresql: (got "
                        + url.replaceAll("password=[^&]*", "password=***") + ")");
            }
        }

        @Override
        public String toString() {
            return "External[" + url.replaceAll("password=[^&]*", "password=***") + ", user=" + user + "]";
        }
    }
}
