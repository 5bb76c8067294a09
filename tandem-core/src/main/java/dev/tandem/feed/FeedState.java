package dev.tandem.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the feed cache remembers ({@code state.json} beside the cached files): per feed the file it
 * was stored as, the validators of its last download (ETag, Last-Modified) for conditional
 * requests, and its SHA-256; and which feed contents the snapshot last built from them was made of,
 * with that snapshot's checksum, so an unchanged refresh can say so without rebuilding.
 */
public record FeedState(Map<String, Entry> feeds, Built built) {

    /** The state file's name inside the cache folder. */
    public static final String FILE = "state.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public FeedState {
        feeds = Map.copyOf(feeds);
    }

    /** One cached feed. */
    public record Entry(String source, String file, String etag, String lastModified, String sha256, long size,
            String fetchedAt) {
        public Entry {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /** The snapshot last built from the cache: its payload checksum and the SHA-256 of each feed it was made of. */
    public record Built(int checksum, Map<String, String> feeds) {
        public Built {
            feeds = Map.copyOf(feeds);
        }
    }

    /** No feed cached yet. */
    public static final FeedState EMPTY = new FeedState(Map.of(), null);

    /** The state with one feed's entry replaced. */
    public FeedState with(String feed, Entry entry) {
        Map<String, Entry> next = new LinkedHashMap<>(feeds);
        next.put(feed, entry);
        return new FeedState(next, built);
    }

    /** The state with one feed forgotten (its cached file is not to be trusted). */
    public FeedState without(String feed) {
        Map<String, Entry> next = new LinkedHashMap<>(feeds);
        next.remove(feed);
        return new FeedState(next, built);
    }

    /** The state recording the snapshot just built. */
    public FeedState withBuilt(Built snapshot) {
        return new FeedState(feeds, snapshot);
    }

    /**
     * Reads the state of a cache folder; a missing file is an empty state. A state file that cannot
     * be read is an error naming it (the cache is the user's: deleting the folder resets it).
     */
    public static FeedState load(Path folder) throws InputException {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file, dev.tandem.input.InputPosition.UNKNOWN, "cannot read: " + e.getMessage(), e);
        }
        JsonTree tree = JsonTree.parse(file.toString(), bytes, InputLimits.DEFAULT);
        JsonNode root = tree.root();
        if (root.path("formatVersion").asInt(0) != 1) {
            throw tree.error("/formatVersion", "not a Tandem feed cache state of format version 1; delete the cache folder to reset it");
        }
        Map<String, Entry> feeds = new LinkedHashMap<>();
        JsonNode feedNodes = tree.object(root, "feeds", "");
        for (Iterator<Map.Entry<String, JsonNode>> it = feedNodes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String pointer = JsonTree.child("/feeds", field.getKey());
            JsonNode node = tree.element(field.getValue(), pointer);
            String name = tree.text(node, "file", pointer);
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                throw tree.error(JsonTree.child(pointer, "file"), "not a file name of the cache folder");
            }
            feeds.put(field.getKey(), new Entry(tree.text(node, "source", pointer), name, emptyToNull(tree.text(node, "etag", pointer)),
                    emptyToNull(tree.text(node, "lastModified", pointer)), tree.text(node, "sha256", pointer),
                    node.path("size").asLong(0), emptyToNull(tree.text(node, "fetchedAt", pointer))));
        }
        Built built = null;
        JsonNode snapshot = tree.object(root, "snapshot", "");
        if (!snapshot.isMissingNode()) {
            Map<String, String> inputs = new LinkedHashMap<>();
            tree.object(snapshot, "feeds", "/snapshot").fields().forEachRemaining(f -> inputs.put(f.getKey(), f.getValue().asText()));
            String crc = tree.text(snapshot, "crc32c", "/snapshot");
            try {
                built = new Built(Integer.parseUnsignedInt(crc, 16), inputs);
            } catch (NumberFormatException e) {
                throw tree.error("/snapshot/crc32c", "not a CRC32C in hexadecimal");
            }
        }
        return new FeedState(feeds, built);
    }

    /** Writes the state into the folder, replacing the previous one only once the new one is complete. */
    public void save(Path folder) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("formatVersion", 1);
        ObjectNode feedNodes = root.putObject("feeds");
        for (Map.Entry<String, Entry> feed : new java.util.TreeMap<>(feeds).entrySet()) {
            Entry entry = feed.getValue();
            ObjectNode node = feedNodes.putObject(feed.getKey());
            node.put("source", entry.source());
            node.put("file", entry.file());
            node.put("etag", entry.etag());
            node.put("lastModified", entry.lastModified());
            node.put("sha256", entry.sha256());
            node.put("size", entry.size());
            node.put("fetchedAt", entry.fetchedAt());
        }
        if (built != null) {
            ObjectNode snapshot = root.putObject("snapshot");
            snapshot.put("crc32c", String.format(java.util.Locale.ROOT, "%08x", built.checksum()));
            ObjectNode inputs = snapshot.putObject("feeds");
            new java.util.TreeMap<>(built.feeds()).forEach(inputs::put);
        }
        Files.createDirectories(folder);
        Path partial = folder.resolve(FILE + ".partial");
        Files.write(partial, JSON.writeValueAsBytes(root));
        Files.move(partial, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
