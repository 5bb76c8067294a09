package dev.tandem.server;

import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.DatabaseException;
import dev.tandem.server.store.DatabaseSettings;
import dev.tandem.server.store.Organisations;
import dev.tandem.server.store.Tenant;
import dev.tandem.usecase.audit.AuditLogInput;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the audit chains of a server's database for {@code tandem audit verify}: a running server's
 * database when a server holds the data folder, else the embedded database started for the task.
 */
public final class AuditReader {

    private AuditReader() {
    }

    /** Every organisation's chain, or only {@code organisation}'s when given (empty when it does not exist). */
    public static List<AuditLogInput.Entries> read(DatabaseSettings settings, String organisation)
            throws DatabaseException {
        try (Database database = Database.attach(settings)) {
            return database.read(h -> {
                List<AuditLogInput.Entries> logs = new ArrayList<>();
                for (Tenant tenant : new Organisations(h).list()) {
                    if (organisation == null || organisation.equals(tenant.name())) {
                        logs.add(new AuditLogInput.Entries(tenant.name(), new AuditLog(h).all(tenant)));
                    }
                }
                return logs;
            });
        }
    }
}
