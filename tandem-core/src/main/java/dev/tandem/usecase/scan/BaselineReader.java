package dev.tandem.usecase.scan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.JsonTree;
import dev.tandem.match.FindingId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a previous {@code scan --format json} report as a baseline: its format version (1), when
 * it ran, and for every finding the stable {@code findingId} and what identifies it to a reader.
 * Fields this reader does not need are ignored, so reports with more fields stay readable.
 */
final class BaselineReader {

    /** The scan being read, and its findings. */
    record Baseline(String source, Instant scannedAt, List<BaselineFinding> findings) {
    }

    private BaselineReader() {
    }

    static Baseline read(InputDocument document) throws InputException {
        JsonTree tree = JsonTree.parse(document.source(), document.content(), InputLimits.DEFAULT);
        JsonNode root = tree.root();
        JsonNode version = root.get("formatVersion");
        if (version == null || !version.isIntegralNumber()) {
            throw tree.error("/formatVersion", "not a Tandem scan report in JSON: no formatVersion");
        }
        if (version.asInt() != 1) {
            throw tree.error("/formatVersion", "scan report format version " + version.asText() + ", but this Tandem reads version 1");
        }
        Instant scannedAt = null;
        String when = tree.text(root, "scannedAt", "");
        if (!when.isEmpty()) {
            try {
                scannedAt = Instant.parse(when);
            } catch (DateTimeParseException e) {
                throw tree.error("/scannedAt", "\"" + when + "\" is not a UTC timestamp");
            }
        }
        if (root.get("findings") == null) {
            throw tree.error("/findings", "not a Tandem scan report: no findings array");
        }
        List<BaselineFinding> findings = new ArrayList<>();
        List<JsonNode> items = tree.array(root, "findings", "");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String pointer = JsonTree.child("/findings", i);
            JsonNode checked = tree.element(item, pointer);
            String id = tree.text(checked, "findingId", pointer);
            FindingId findingId;
            try {
                findingId = new FindingId(id);
            } catch (IllegalArgumentException e) {
                throw tree.error(JsonTree.child(pointer, "findingId"), id.isEmpty()
                        ? "the finding has no findingId (reports of Tandem before finding ids cannot be a baseline)"
                        : "\"" + id + "\" is not a finding id (TF- and 20 hexadecimal digits)");
            }
            JsonNode exploited = checked.get("knownExploited");
            findings.add(new BaselineFinding(findingId, tree.text(checked, "id", pointer), tree.text(checked, "purl", pointer),
                    tree.text(checked, "product", pointer), tree.text(checked, "sbom", pointer),
                    exploited != null && exploited.asBoolean(false)));
        }
        return new Baseline(document.source(), scannedAt, findings);
    }
}
