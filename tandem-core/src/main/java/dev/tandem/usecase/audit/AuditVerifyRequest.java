package dev.tandem.usecase.audit;

import java.util.List;

/** The audit logs to check, and hashes recorded earlier that they must still contain. */
public record AuditVerifyRequest(List<AuditLogInput> logs, List<Anchor> anchors) {

    public AuditVerifyRequest {
        logs = List.copyOf(logs);
        anchors = List.copyOf(anchors);
    }
}
