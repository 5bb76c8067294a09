package dev.tandem.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of an organisation's audit log: who did what to which resource, when, with the details
 * as a JSON text (hashed exactly as stored), and the chain hashes.
 *
 * @param organisation the organisation (tenant) whose chain it belongs to
 * @param seq          its position in that chain, from 1, without gaps
 * @param at           when it happened (microsecond precision: what PostgreSQL keeps)
 * @param actor        who: {@code user:alice}, {@code key:ci-upload}, {@code system}
 * @param action       what, as a dotted verb: {@code product.create}, {@code finding.triage}
 * @param target       which resource: {@code product:sc200}, {@code finding:TF-…}
 * @param details      a JSON object text with what changed
 * @param previousHash the hash of entry {@code seq - 1}, or {@link AuditChain#GENESIS} for the first
 * @param hash         {@link AuditChain#hash} of this entry
 */
public record AuditEntry(String organisation, long seq, Instant at, String actor, String action, String target,
        String details, String previousHash, String hash) {

    public AuditEntry {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(at, "at");
        actor = actor == null ? "" : actor;
        action = action == null ? "" : action;
        target = target == null ? "" : target;
        details = details == null ? "{}" : details;
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
