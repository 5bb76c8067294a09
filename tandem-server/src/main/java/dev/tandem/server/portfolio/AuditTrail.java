package dev.tandem.server.portfolio;

import dev.tandem.audit.AuditEntry;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Role;
import java.util.List;

/** Reading the caller's organisation's audit log (admins): pages, the newest first, the whole chain. */
public final class AuditTrail {

    private final Database database;

    public AuditTrail(Database database) {
        this.database = database;
    }

    /** Entries after {@code afterSeq}, oldest first. */
    public List<AuditEntry> after(Caller caller, long afterSeq, int limit) {
        Accounts.require(caller, Role.ADMIN);
        return database.read(h -> new AuditLog(h).entries(caller.tenant(), afterSeq, limit));
    }

    /** Entries before {@code beforeSeq}, newest first. */
    public List<AuditEntry> before(Caller caller, long beforeSeq, int limit) {
        Accounts.require(caller, Role.ADMIN);
        return database.read(h -> new AuditLog(h).latest(caller.tenant(), beforeSeq, limit));
    }

    /** The whole chain, oldest first. */
    public List<AuditEntry> all(Caller caller) {
        Accounts.require(caller, Role.ADMIN);
        return database.read(h -> new AuditLog(h).all(caller.tenant()));
    }
}
