package dev.tandem.server.monitor;

import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.reporting.obligation.Status;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Tenant;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * A submission of one reporting stage, checked the same way for a vulnerability case and an incident record:
 * the stage must be owed and not yet submitted, not dated in the future, with the draft's SHA-256.
 *
 * @param when      when it was sent (the request's time when not given)
 * @param sha256    the draft's content hash, lower-case hex
 * @param recipient to whom; the recipient the rule names when not given (may be null)
 */
public record StageSubmission(String framework, String stage, Instant when, String sha256, String recipient) {

    /**
     * Checks a submission against the obligations in force.
     *
     * @param subject     how refusals name what owes the stage ("the case", "the incident")
     * @param currentDraft the current draft's SHA-256, asked for only when no hash is given
     */
    public static StageSubmission check(List<Obligation> obligations, String subject, String framework, String stage,
            Instant at, Instant now, String recipient, String draftSha256, Supplier<String> currentDraft) {
        if (framework == null || framework.isBlank() || stage == null || stage.isBlank()) {
            throw Refusal.invalid("framework and stage are required");
        }
        Optional<Obligation> owed = obligations.stream()
                .filter(o -> o.framework().equals(framework) && o.stage().equals(stage)).findFirst();
        if (owed.isEmpty()) {
            throw Refusal.invalid(subject + " owes no stage " + stage + " of " + framework);
        }
        if (owed.get().status() == Status.SUBMITTED) {
            throw new Refusal(Refusal.Kind.CONFLICT, "the stage " + stage + " of " + framework + " is already submitted");
        }
        Instant when = at == null ? now : at;
        if (when.isAfter(now)) {
            throw Refusal.invalid("a submission cannot be in the future");
        }
        String sha = draftSha256 == null || draftSha256.isBlank() ? currentDraft.get()
                : draftSha256.strip().toLowerCase(Locale.ROOT);
        if (!sha.matches("[0-9a-f]{64}")) {
            throw Refusal.invalid("draftSha256 is 64 hexadecimal digits");
        }
        String to = recipient == null || recipient.isBlank() ? owed.get().recipient() : recipient.strip();
        return new StageSubmission(framework, stage, when, sha, to);
    }

    /**
     * Records this submission in the audit log, in the caller's transaction: the stage, when, to whom
     * and the draft's hash (never the draft), and the reference unless it is null.
     */
    public void audit(Handle h, Tenant tenant, String actor, String action, String target, String reference,
            Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("framework", framework);
        details.put("stage", stage);
        details.put("at", when.toString());
        details.put("recipient", recipient == null ? "" : recipient);
        details.put("draftSha256", sha256);
        if (reference != null) {
            details.put("reference", reference);
        }
        new AuditLog(h).append(tenant, now, actor, action, target, details);
    }
}
