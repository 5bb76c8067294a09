package dev.tandem.vex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputException;
import dev.tandem.input.JsonTree;
import dev.tandem.triage.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A JSON VEX document as a format's reader opens it: its tree (whose errors name the file and the
 * position), the root's list of entries each checked to be an object, the warnings collected while
 * reading, and the {@link VexDocument} they end in. The CSAF, CycloneDX and OpenVEX readers differ only in
 * what an entry says.
 */
final class OpenedVex {

    private final JsonTree tree;
    private final VexFormat format;
    private final List<String> warnings = new ArrayList<>();

    /** One entry of the root's list: the object and its JSON pointer ({@code /vulnerabilities/3}). */
    record Entry(JsonNode node, String pointer) {
    }

    OpenedVex(JsonTree tree, VexFormat format) {
        this.tree = tree;
        this.format = format;
    }

    JsonTree tree() {
        return tree;
    }

    /**
     * The root's array {@code member}, every element an object (else an error at its position); an empty
     * or absent array is not an error, since a document may state nothing, but it is said: {@code whenEmpty}.
     */
    List<Entry> entries(String member, String whenEmpty) throws InputException {
        List<JsonNode> nodes = tree.array(tree.root(), member, "");
        if (nodes.isEmpty()) {
            warn(tree.source() + ": " + whenEmpty);
        }
        List<Entry> entries = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            String pointer = "/" + member + "/" + i;
            entries.add(new Entry(tree.element(nodes.get(i), pointer), pointer));
        }
        return entries;
    }

    /** Something read only in part, or not applied: passed on with the document. */
    void warn(String warning) {
        warnings.add(warning);
    }

    /** The document read: these statements and every warning so far. */
    VexDocument document(List<Statement> statements) {
        return new VexDocument(tree.source(), format, statements, warnings);
    }
}
