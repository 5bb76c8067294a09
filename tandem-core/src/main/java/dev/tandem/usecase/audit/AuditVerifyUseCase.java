package dev.tandem.usecase.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.audit.AuditChain;
import dev.tandem.audit.AuditEntry;
import dev.tandem.audit.ChainBreak;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.JsonTree;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verifies audit chains ({@link AuditChain#verify}) and anchors. A malformed export is an
 * {@link InputException} naming the file and position; an anchor naming an organisation that no log
 * has, or an entry past a chain's end, is a break of that chain (a log cut short is not intact).
 */
public final class AuditVerifyUseCase {

    public AuditVerifyResult run(AuditVerifyRequest request) throws InputException {
        List<AuditVerifyResult.ChainCheck> checks = new ArrayList<>();
        for (AuditLogInput input : request.logs()) {
            Log log = switch (input) {
                case AuditLogInput.Entries entries -> new Log(entries.organisation(), "database", entries.entries());
                case AuditLogInput.Export export -> parse(export.document());
            };
            List<Anchor> anchors = request.anchors().stream()
                    .filter(a -> a.organisation().isEmpty() || a.organisation().equals(log.organisation())).toList();
            Optional<ChainBreak> broken = AuditChain.verify(log.entries());
            if (broken.isEmpty()) {
                broken = anchors.stream().map(a -> check(a, log.entries())).flatMap(Optional::stream).findFirst();
            }
            AuditEntry head = log.entries().isEmpty() ? null : log.entries().get(log.entries().size() - 1);
            checks.add(new AuditVerifyResult.ChainCheck(log.organisation(), log.source(), log.entries().size(),
                    head == null ? 0 : head.seq(), head == null ? AuditChain.GENESIS : head.hash(), anchors.size(),
                    broken));
        }
        for (Anchor anchor : request.anchors()) {
            if (!anchor.organisation().isEmpty()
                    && checks.stream().noneMatch(c -> c.organisation().equals(anchor.organisation()))) {
                checks.add(new AuditVerifyResult.ChainCheck(anchor.organisation(), "none", 0, 0, AuditChain.GENESIS, 1,
                        Optional.of(new ChainBreak(anchor.seq(), "no audit log of this organisation was found, "
                                + "but an anchor names it"))));
            }
        }
        return new AuditVerifyResult(checks);
    }

    private record Log(String organisation, String source, List<AuditEntry> entries) {
    }

    private static Optional<ChainBreak> check(Anchor anchor, List<AuditEntry> entries) {
        if (anchor.seq() > entries.size()) {
            return Optional.of(new ChainBreak(anchor.seq(), "the anchor names entry " + anchor.seq()
                    + " but the log ends at entry " + entries.size() + ": entries were removed"));
        }
        AuditEntry entry = entries.get((int) anchor.seq() - 1);
        if (!entry.hash().equals(anchor.hash())) {
            return Optional.of(new ChainBreak(anchor.seq(), "its hash is not the anchored " + anchor.hash().substring(0, 12)
                    + "…: the log was rewritten from this entry or before, hashes recomputed"));
        }
        return Optional.empty();
    }

    /** Reads an export: {@code {"formatVersion": 1, "organisation": …, "entries": [{seq, at, actor, action, target, details, previousHash, hash}]}}. */
    private static Log parse(InputDocument document) throws InputException {
        JsonTree tree = JsonTree.parse(document.source(), document.content(), InputLimits.DEFAULT);
        JsonNode root = tree.root();
        Integer version = tree.integer(root, "formatVersion", "");
        if (version == null || version != 1) {
            throw tree.error("/formatVersion", "expected an audit export of format version 1");
        }
        String organisation = tree.text(root, "organisation", "");
        if (organisation.isEmpty()) {
            throw tree.error("/organisation", "the export names no organisation");
        }
        List<AuditEntry> entries = new ArrayList<>();
        List<JsonNode> nodes = tree.array(root, "entries", "");
        for (int i = 0; i < nodes.size(); i++) {
            String pointer = JsonTree.child("/entries", i);
            JsonNode node = tree.element(nodes.get(i), pointer);
            JsonNode seq = node.get("seq");
            if (seq == null || !seq.canConvertToLong() || !seq.isIntegralNumber()) {
                throw tree.error(JsonTree.child(pointer, "seq"), "expected the entry's number");
            }
            String at = tree.value(node, "at", pointer);
            Instant when;
            try {
                when = Instant.parse(at == null ? "" : at);
            } catch (DateTimeException e) {
                throw tree.error(JsonTree.child(pointer, "at"), "expected an instant such as 2026-12-06T10:00:00Z");
            }
            String details = tree.value(node, "details", pointer);
            String previous = tree.value(node, "previousHash", pointer);
            String hash = tree.value(node, "hash", pointer);
            if (previous == null || hash == null) {
                throw tree.error(pointer, "an entry needs previousHash and hash");
            }
            entries.add(new AuditEntry(organisation, seq.asLong(), when, nullToEmpty(tree.value(node, "actor", pointer)),
                    nullToEmpty(tree.value(node, "action", pointer)), nullToEmpty(tree.value(node, "target", pointer)),
                    details == null ? "{}" : details, previous, hash));
        }
        return new Log(organisation, document.source(), entries);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
