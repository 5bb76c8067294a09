package dev.tandem.advisory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a known-exploited-vulnerabilities catalogue, recognising which one by its shape: CISA's
 * KEV (an object with {@code catalogVersion} and {@code vulnerabilities[]}) or the EU KEV of the
 * CSIRTs Network / ENISA (a top-level array). CVE ids are upper-cased; an entry without a valid
 * CVE id, or with a bad date, is an {@link InputException} naming the file and position.
 */
public final class KevReader {

    private static final Pattern CVE = Pattern.compile("CVE-\\d{4}-\\d{4,}");
    // EU KEV writes dates as YYYY/MM/DD although its README says YYYY-MM-DD: both are accepted.
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SLASH_DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private KevReader() {
    }

    /** Reads every entry of a CISA KEV or EU KEV JSON file, in file order. */
    public static List<KevEntry> read(Path file) throws InputException {
        byte[] content = OsvReader.bytes(file, InputLimits.DEFAULT);
        return read(file.toString(), content);
    }

    /**
     * True when the document is a JSON Schema (a top-level object with a {@code $schema} naming
     * json-schema.org), such as the schema CISA and ENISA publish beside their catalogues: folders of
     * KEV files often hold one, and it is not a catalogue.
     */
    public static boolean isJsonSchema(byte[] content) {
        try (JsonParser parser = JsonInput.json().getFactory().createParser(content)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (name.equals("$schema") && value == JsonToken.VALUE_STRING) {
                    return parser.getText().contains("json-schema.org");
                }
                parser.skipChildren();
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false; // not even JSON: the catalogue reader says what is wrong with it
        }
    }

    /** Reads a catalogue from bytes; {@code source} names it in entries and errors. */
    public static List<KevEntry> read(String source, byte[] content) throws InputException {
        JsonParser parser = null;
        try {
            parser = JsonInput.json().getFactory().createParser(content);
            TokenCursor c = new TokenCursor(parser, source, false);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InputException(source, InputPosition.at(1, 1), "the document is empty");
            }
            List<KevEntry> entries;
            if (first == JsonToken.START_ARRAY) {
                entries = entries(c, KevCatalog.EU);
            } else if (first == JsonToken.START_OBJECT) {
                entries = cisa(c);
            } else {
                throw c.error("not a KEV catalogue: expected CISA's object with vulnerabilities[] or the EU KEV array, found "
                        + TokenCursor.describe(first));
            }
            if (parser.nextToken() != null) {
                throw c.error("unexpected content after the catalogue");
            }
            return entries;
        } catch (JsonProcessingException e) {
            throw ParseErrors.of(source, e, parser);
        } catch (IOException e) {
            throw new InputException(source, InputPosition.UNKNOWN, "cannot read: " + e.getMessage(), e);
        } finally {
            ParseErrors.close(parser);
        }
    }

    private static List<KevEntry> cisa(TokenCursor c) throws IOException, InputException {
        TokenCursor.Mark start = c.mark();
        List<KevEntry> entries = null;
        while (c.nextField()) {
            if (c.fieldName().equals("vulnerabilities")) {
                entries = entries(c, KevCatalog.CISA);
            } else {
                c.skipValue();
            }
        }
        if (entries == null) {
            throw c.error(start, "not a KEV catalogue: the object has no \"vulnerabilities\" array (CISA KEV)");
        }
        return entries;
    }

    private static List<KevEntry> entries(TokenCursor c, KevCatalog catalog) throws IOException, InputException {
        c.expectArray(catalog == KevCatalog.CISA ? "vulnerabilities" : "the EU KEV catalogue");
        List<KevEntry> entries = new ArrayList<>();
        while (c.nextElement()) {
            entries.add(entry(c, catalog));
        }
        return entries;
    }

    private static KevEntry entry(TokenCursor c, KevCatalog catalog) throws IOException, InputException {
        c.expectObject("a KEV entry");
        TokenCursor.Mark start = c.mark();
        String cve = null;
        LocalDate added = null;
        LocalDate due = null;
        boolean ransomware = false;
        String vendor = null;
        String product = null;
        String name = null;
        String description = null;
        String dateField = catalog == KevCatalog.CISA ? "dateAdded" : "dateReported";
        while (c.nextField()) {
            String field = c.fieldName();
            switch (field) {
                case "cveID" -> cve = cveId(c);
                case "vendorProject" -> vendor = c.optionalString(field);
                case "product" -> product = c.optionalString(field);
                case "vulnerabilityName" -> name = c.optionalString(field);
                case "shortDescription" -> description = c.optionalString(field);
                case "dateAdded", "dateReported" -> {
                    if (field.equals(dateField)) {
                        added = date(c, field);
                    } else {
                        c.skipValue();
                    }
                }
                case "dueDate" -> due = catalog == KevCatalog.CISA ? date(c, field) : null;
                case "knownRansomwareCampaignUse" -> ransomware = ransomware || "Known".equalsIgnoreCase(
                        trimmed(c.optionalString(field)));
                case "exploitationType" -> ransomware = ransomware || exploitationTypes(c).contains("ransomware");
                default -> c.skipValue();
            }
        }
        if (cve == null) {
            throw c.error(start, "the " + catalog.label() + " entry has no cveID");
        }
        if (added == null) {
            throw c.error(start, "the " + catalog.label() + " entry " + cve + " has no " + dateField);
        }
        String label = name != null && !name.isBlank() ? name : description;
        return new KevEntry(cve, catalog, added, due, ransomware, vendor, product, label, c.source());
    }

    private static String cveId(TokenCursor c) throws IOException, InputException {
        String text = c.string("cveID");
        String id = text.strip().toUpperCase(Locale.ROOT);
        if (!CVE.matcher(id).matches()) {
            throw c.error("cveID must be a CVE id such as CVE-2023-4863, found \"" + OsvReader.shorten(text) + "\"");
        }
        return id;
    }

    private static LocalDate date(TokenCursor c, String field) throws IOException, InputException {
        String text = c.optionalString(field);
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        try {
            return LocalDate.parse(trimmed, trimmed.indexOf('/') >= 0 ? SLASH_DATE : ISO_DATE);
        } catch (DateTimeParseException e) {
            throw c.error(field + " must be a date as YYYY-MM-DD or YYYY/MM/DD, found \"" + OsvReader.shorten(text) + "\"");
        }
    }

    /** EU KEV's exploitationType: an array in current files, a (comma-separated) string in older ones. */
    private static List<String> exploitationTypes(TokenCursor c) throws IOException, InputException {
        List<String> values = new ArrayList<>();
        if (c.isNull()) {
            return values;
        }
        List<String> raw = c.current() == JsonToken.START_ARRAY ? c.strings("exploitationType")
                : List.of(c.string("exploitationType").split(","));
        for (String value : raw) {
            values.add(value.strip().toLowerCase(Locale.ROOT));
        }
        return values;
    }

    private static String trimmed(String text) {
        return text == null ? "" : text.strip();
    }
}
