package dev.tandem.usecase.audit;

import dev.tandem.audit.AuditEntry;
import dev.tandem.input.InputDocument;
import java.util.List;
import java.util.Objects;

/** One organisation's audit log to check: entries a front end read, or an exported document to parse. */
public sealed interface AuditLogInput {

    /** Entries in sequence order, as read from the database. */
    record Entries(String organisation, List<AuditEntry> entries) implements AuditLogInput {
        public Entries {
            Objects.requireNonNull(organisation, "organisation");
            entries = List.copyOf(entries);
        }
    }

    /** An export of {@code GET /api/v1/audit/export} (docs/server.md, "Audit log"). */
    record Export(InputDocument document) implements AuditLogInput {
        public Export {
            Objects.requireNonNull(document, "document");
        }
    }
}
