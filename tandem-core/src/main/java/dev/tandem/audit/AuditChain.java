package dev.tandem.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain of an audit log (docs/server.md, "Audit log"). An entry's hash is the SHA-256, in
 * lower-case hex, of {@code tandem-audit-v1} and then each field (organisation, seq, at, actor,
 * action, target, details, previous hash) as its UTF-8 byte length in decimal, a colon, the bytes
 * and a line feed. Length prefixes keep a field from running into the next whatever it contains.
 */
public final class AuditChain {

    /** The previous hash of the first entry: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The instant an entry records: truncated to microseconds, the precision the database keeps. */
    public static Instant precision(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    /** The hash of an entry with these fields. */
    public static String hash(String organisation, long seq, Instant at, String actor, String action, String target,
            String details, String previousHash) {
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.writeBytes("tandem-audit-v1\n".getBytes(StandardCharsets.UTF_8));
        for (String field : new String[] {organisation, Long.toString(seq), precision(at).toString(), actor, action,
                target, details, previousHash}) {
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            input.writeBytes((bytes.length + ":").getBytes(StandardCharsets.UTF_8));
            input.writeBytes(bytes);
            input.write('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** The entry following {@code previous} (null for the first), its hash computed. */
    public static AuditEntry next(AuditEntry previous, String organisation, Instant at, String actor, String action,
            String target, String details) {
        long seq = previous == null ? 1 : previous.seq() + 1;
        String previousHash = previous == null ? GENESIS : previous.hash();
        Instant when = precision(at);
        return new AuditEntry(organisation, seq, when, actor, action, target, details, previousHash,
                hash(organisation, seq, when, actor, action, target, details, previousHash));
    }

    /**
     * Checks one organisation's entries, in sequence order: numbering from 1 without gaps, each
     * entry's previous hash equal to the hash of the one before, each hash recomputed. Empty when
     * intact, else the first break.
     */
    public static Optional<ChainBreak> verify(List<AuditEntry> entries) {
        String previousHash = GENESIS;
        long expected = 1;
        for (AuditEntry entry : entries) {
            if (entry.seq() != expected) {
                return Optional.of(new ChainBreak(expected, entry.seq() > expected
                        ? "entries " + expected + (entry.seq() - 1 > expected ? " to " + (entry.seq() - 1) : "")
                                + " are missing (the next entry is " + entry.seq() + ")"
                        : "entry " + entry.seq() + " appears again or out of order"));
            }
            if (!entry.previousHash().equals(previousHash)) {
                return Optional.of(new ChainBreak(entry.seq(), "its previous hash " + abbreviate(entry.previousHash())
                        + " is not the hash of entry " + (entry.seq() - 1) + " (" + abbreviate(previousHash)
                        + "): an entry before it was changed, removed or inserted"));
            }
            String recomputed = hash(entry.organisation(), entry.seq(), entry.at(), entry.actor(), entry.action(),
                    entry.target(), entry.details(), entry.previousHash());
            if (!recomputed.equals(entry.hash())) {
                return Optional.of(new ChainBreak(entry.seq(), "its content does not match its hash "
                        + abbreviate(entry.hash()) + " (recomputed " + abbreviate(recomputed) + "): the entry was changed"));
            }
            previousHash = entry.hash();
            expected++;
        }
        return Optional.empty();
    }

    private static String abbreviate(String hash) {
        return hash.length() > 12 ? hash.substring(0, 12) + "…" : hash;
    }
}
