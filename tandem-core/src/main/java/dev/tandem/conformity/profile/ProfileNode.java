package dev.tandem.conformity.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A cursor over one object of the profile that remembers which keys were read, so that the keys
 * nobody read can be reported as unknown, and that names the JSON pointer of every bad value.
 */
final class ProfileNode {

    /** No profile value (a name, a justification, a URL) needs more; longer ones are refused, not cut. */
    static final int MAX_TEXT_LENGTH = 64 * 1024;

    private final String file;
    private final String pointer;
    private final JsonNode node;
    private final Set<String> read = new HashSet<>();

    ProfileNode(String file, String pointer, JsonNode node) {
        this.file = file;
        this.pointer = pointer;
        this.node = node;
    }

    static ProfileNode root(String file, JsonNode node) throws InputException {
        if (node == null || !node.isObject()) {
            throw new InputException(file, InputPosition.UNKNOWN, "a product profile must be a mapping of keys to values");
        }
        return new ProfileNode(file, "", node);
    }

    String pointer() {
        return pointer.isEmpty() ? "/" : pointer;
    }

    String file() {
        return file;
    }

    JsonNode raw(String key) {
        read.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? MissingNode.getInstance() : value;
    }

    String childPointer(String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    InputException error(String key, String problem) {
        return new InputException(file, InputPosition.pointer(childPointer(key)), problem);
    }

    String text(String key) throws InputException {
        JsonNode value = raw(key);
        if (value.isMissingNode()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw error(key, "expected a text value");
        }
        String text = checkedLength(childPointer(key), value.asText()).strip();
        return text.isEmpty() ? null : text;
    }

    String requiredText(String key) throws InputException {
        String text = text(key);
        if (text == null) {
            throw error(key, "required value '" + key + "' is missing");
        }
        return text;
    }

    Integer integer(String key) throws InputException {
        JsonNode value = raw(key);
        if (value.isMissingNode()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw error(key, "expected a whole number");
        }
        return value.intValue();
    }

    boolean bool(String key, boolean fallback) throws InputException {
        JsonNode value = raw(key);
        if (value.isMissingNode()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw error(key, "expected true or false");
        }
        return value.booleanValue();
    }

    LocalDate date(String key) throws InputException {
        String text = text(key);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw error(key, "expected a date as YYYY-MM-DD, got '" + shorten(text) + "'");
        }
    }

    OffsetDateTime dateTime(String key) throws InputException {
        String text = text(key);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw error(key, "expected a date-time with offset, e.g. 2026-11-22T10:00:00Z, got '" + shorten(text) + "'");
        }
    }

    List<String> texts(String key) throws InputException {
        JsonNode value = raw(key);
        List<String> list = new ArrayList<>();
        if (value.isMissingNode()) {
            return list;
        }
        if (value.isValueNode()) {
            list.add(checkedLength(childPointer(key), value.asText()).strip());
            return list;
        }
        if (!value.isArray()) {
            throw error(key, "expected a list of text values");
        }
        int i = 0;
        for (JsonNode item : value) {
            if (!item.isValueNode() || item.isNull()) {
                throw new InputException(file, InputPosition.pointer(childPointer(key) + "/" + i), "expected a text value");
            }
            list.add(checkedLength(childPointer(key) + "/" + i, item.asText()).strip());
            i++;
        }
        return list;
    }

    ProfileNode object(String key) throws InputException {
        JsonNode value = raw(key);
        if (value.isMissingNode()) {
            return null;
        }
        if (!value.isObject()) {
            throw error(key, "expected a mapping of keys to values");
        }
        return new ProfileNode(file, childPointer(key), value);
    }

    List<ProfileNode> objects(String key) throws InputException {
        JsonNode value = raw(key);
        List<ProfileNode> list = new ArrayList<>();
        if (value.isMissingNode()) {
            return list;
        }
        if (!value.isArray()) {
            throw error(key, "expected a list");
        }
        int i = 0;
        for (JsonNode item : value) {
            String itemPointer = childPointer(key) + "/" + i;
            if (!item.isObject()) {
                throw new InputException(file, InputPosition.pointer(itemPointer), "expected a mapping of keys to values");
            }
            list.add(new ProfileNode(file, itemPointer, item));
            i++;
        }
        return list;
    }

    /** The keys of this object, for maps keyed by ids; all of them count as read. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            keys.add(key);
            read.add(key);
        }
        return keys;
    }

    /**
     * Refuses the first key of this object that was never read: a misspelt key (say {@code evidance})
     * would otherwise drop its whole subtree silently and the assessment would look worse or better
     * than the evidence.
     */
    void rejectUnknown() throws InputException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!read.contains(key)) {
                throw new InputException(file, InputPosition.pointer(shorten(childPointer(key))), "unknown key '"
                        + shorten(key) + "' (known here: " + String.join(", ", new TreeSet<>(read)) + ")");
            }
        }
    }

    private String checkedLength(String at, String text) throws InputException {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new InputException(file, InputPosition.pointer(shorten(at)), "text of " + text.length()
                    + " characters is longer than the " + MAX_TEXT_LENGTH + " a profile value may have");
        }
        return text;
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
