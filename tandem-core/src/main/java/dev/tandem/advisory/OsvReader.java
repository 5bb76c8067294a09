package dev.tandem.advisory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.advisory.cvss.Cvss;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import dev.tandem.version.AffectedVersions;
import dev.tandem.version.RangeEvent;
import dev.tandem.version.RangeType;
import dev.tandem.version.VersionRange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads OSV records (schema 1.x, JSON or YAML) into {@link Advisory}. Unknown fields are skipped
 * (newer schema versions stay readable); wrong types and missing required fields ({@code id},
 * {@code modified}) are {@link InputException}s naming the source, line, column and JSON pointer.
 */
public final class OsvReader {

    /** The {@code severity[].type} given to GHSA's {@code database_specific.severity} fallback rating. */
    public static final String DATABASE_SPECIFIC_SEVERITY = "database_specific";

    private static final Map<InputLimits, Parsers> MAPPERS = new ConcurrentHashMap<>();

    private OsvReader() {
    }

    /** Reads the one OSV record in a {@code .json}, {@code .yaml} or {@code .yml} file. */
    public static Advisory read(Path file) throws InputException {
        List<Advisory> records = readAll(file.toString(), bytes(file, InputLimits.DEFAULT), isYaml(file.toString()),
                InputLimits.DEFAULT);
        if (records.size() != 1) {
            throw new InputException(file, InputPosition.UNKNOWN,
                    "expected one OSV record, found an array of " + records.size());
        }
        return records.get(0);
    }

    /** Parses one OSV record from text; YAML unless the text starts with a JSON object. */
    public static Advisory parse(String source, String text) throws InputException {
        boolean json = text.stripLeading().startsWith("{");
        List<Advisory> records = readAll(source, text.getBytes(StandardCharsets.UTF_8), !json, InputLimits.DEFAULT);
        if (records.size() != 1) {
            throw new InputException(source, InputPosition.UNKNOWN, "expected one OSV record, found " + records.size());
        }
        return records.get(0);
    }

    /**
     * Reads one OSV record, or every record of a top-level JSON array of records.
     *
     * @param source the name used in {@link Advisory#source()} and in errors (file or {@code zip!/entry})
     */
    public static List<Advisory> readAll(String source, byte[] content, boolean yaml, InputLimits limits)
            throws InputException {
        return readAll(source, content, yaml, limits, null);
    }

    /**
     * Like {@link #readAll(String, byte[], boolean, InputLimits)}, but when {@code problems} is not
     * null a bad record inside a JSON array is added to it and the following records are still read.
     * Syntax errors (the document cannot be tokenised any further) are thrown either way.
     */
    public static List<Advisory> readAll(String source, byte[] content, boolean yaml, InputLimits limits,
            List<InputException> problems) throws InputException {
        return readAll(source, content, yaml, limits, problems, null);
    }

    /**
     * Like {@link #readAll(String, byte[], boolean, InputLimits, List)}, the values that recur across
     * records (package names, versions, aliases, ecosystems, URLs) taken from {@code repeated}, the
     * table of one load (null: none). The records are equal either way.
     */
    public static List<Advisory> readAll(String source, byte[] content, boolean yaml, InputLimits limits,
            List<InputException> problems, RepeatedValues repeated) throws InputException {
        return readAll(source, content, yaml, limits, problems, repeated, AdvisoryRetention.ALL);
    }

    /**
     * Like {@link #readAll(String, byte[], boolean, InputLimits, List, RepeatedValues)}, each record as
     * {@code retention} keeps it: what it drops is checked as strictly (the same problems at the same
     * positions) but never built, so a bulk load does not make the strings it would throw away.
     */
    public static List<Advisory> readAll(String source, byte[] content, boolean yaml, InputLimits limits,
            List<InputException> problems, RepeatedValues repeated, AdvisoryRetention retention)
            throws InputException {
        if (!yaml && content.length <= limits.maxStringLength()) {
            List<Advisory> fast = fastPath(source, content, content.length, limits, problems, repeated, retention);
            if (fast != null) {
                return fast;
            }
        }
        return readChecked(source, content, yaml, limits, problems, repeated, retention);
    }

    /**
     * As {@link #readAll(String, byte[], boolean, InputLimits, List, RepeatedValues, AdvisoryRetention)} for a
     * JSON document held in the first {@code length} bytes of {@code content} (an array a load reuses).
     */
    static List<Advisory> readAll(String source, byte[] content, int length, InputLimits limits,
            List<InputException> problems, RepeatedValues repeated, AdvisoryRetention retention)
            throws InputException {
        if (length <= limits.maxStringLength()) {
            List<Advisory> fast = fastPath(source, content, length, limits, problems, repeated, retention);
            if (fast != null) {
                return fast;
            }
        }
        return readChecked(source, java.util.Arrays.copyOf(content, length), false, limits, problems, repeated,
                retention);
    }

    /** As {@link #readAll(String, byte[], boolean, InputLimits, List, RepeatedValues, AdvisoryRetention)}, always with the checked parser. */
    static List<Advisory> readChecked(String source, byte[] content, boolean yaml, InputLimits limits,
            List<InputException> problems, RepeatedValues repeated, AdvisoryRetention retention)
            throws InputException {
        Parsers parsers = parsers(limits);
        ObjectMapper mapper = yaml ? parsers.yaml() : parsers.json();
        if (yaml) {
            JsonInput.checkYamlShape(source, content);
        }
        JsonParser parser = null;
        try {
            parser = mapper.getFactory().createParser(content);
            return records(parser, new TokenCursor(parser, source, yaml, repeated), problems, retention,
                    SCRATCH.get());
        } catch (JsonProcessingException e) {
            throw ParseErrors.of(source, e, parser);
        } catch (IOException e) {
            throw new InputException(source, InputPosition.UNKNOWN, "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // SnakeYAML reports some limits (code points, aliases) as unchecked exceptions.
            throw ParseErrors.of(source, e, parser);
        } finally {
            ParseErrors.close(parser);
        }
    }

    /**
     * A JSON document read by a parser without the checks that cost most and that cannot fail or that
     * the cursor makes itself (issue 20): no string of a document of at most {@code maxStringLength}
     * bytes can be longer than that many characters (a character takes a byte at least), so the checked
     * parser's per-string length check is left out; keys given twice are found by the cursor
     * ({@link FieldNames}) instead of Jackson's sets. Whenever the parser fails or a key is given twice,
     * the answer is null and the document is read again the checked way, whose error (message and position)
     * is the one reported: the same as ever. The records read are the same either way, and so is any
     * problem the reader finds in a record (the tokens are the same up to it).
     */
    static List<Advisory> fastPath(String source, byte[] content, int length, InputLimits limits,
            List<InputException> problems, RepeatedValues repeated, AdvisoryRetention retention)
            throws InputException {
        int problemsBefore = problems == null ? 0 : problems.size();
        Scratch scratch = SCRATCH.get();
        JsonParser parser = null;
        try {
            parser = parsers(limits).fast().createParser(content, 0, length);
            return records(parser, new TokenCursor(parser, source, false, repeated, scratch.names), problems,
                    retention, scratch);
        } catch (IOException | RuntimeException e) {
            if (problems != null) {
                problems.subList(problemsBefore, problems.size()).clear();
            }
            return null;
        } finally {
            ParseErrors.close(parser);
        }
    }

    /** The records of the document {@code cursor} walks (one, or a top-level array of them). */
    private static List<Advisory> records(JsonParser parser, TokenCursor cursor, List<InputException> problems,
            AdvisoryRetention retention, Scratch scratch) throws IOException, InputException {
        String source = cursor.source();
        JsonToken first = cursor.advance();
        if (first == null) {
            throw new InputException(source, InputPosition.at(1, 1), "the document is empty");
        }
        if (first != JsonToken.START_ARRAY) {
            Advisory only = record(cursor, retention, scratch);
            if (cursor.advance() != null) {
                throw cursor.error("unexpected content after the OSV record");
            }
            return List.of(only);
        }
        List<Advisory> records = new ArrayList<>();
        JsonStreamContext array = parser.getParsingContext();
        while (cursor.nextElement()) {
            try {
                records.add(record(cursor, retention, scratch));
            } catch (InputException e) {
                if (problems == null) {
                    throw e;
                }
                problems.add(e);
                skipRestOfElement(parser, array, cursor);
            }
        }
        if (cursor.advance() != null) {
            throw cursor.error("unexpected content after the OSV record");
        }
        // A bulk load holds each file's list until every file is parsed: one record needs no array of ten.
        return records.size() == 1 ? List.of(records.get(0)) : records;
    }

    /** After a bad record, moves the parser to the end of that array element so the next one can be read. */
    private static void skipRestOfElement(JsonParser parser, JsonStreamContext array, TokenCursor cursor)
            throws IOException, InputException {
        while (parser.getParsingContext() != array) {
            if (cursor.advance() == null) {
                throw cursor.error("the document ends inside a record");
            }
        }
    }

    static boolean isYaml(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    /** Reads a file through the one bounded reader ({@link InputDocument#read(Path, long)}): pipes and special files included. */
    static byte[] bytes(Path file, InputLimits limits) throws InputException {
        return InputDocument.read(file, limits.maxDocumentBytes()).content();
    }

    /**
     * The parsers for one set of limits: the checked JSON and YAML mappers, and for the fast path a plain JSON
     * factory with the checked one's {@link StreamReadConstraints} (nesting depth, document and number length:
     * Jackson checks those itself), without Jackson's duplicate detection.
     */
    private record Parsers(InputLimits limits, ObjectMapper json, ObjectMapper yaml, JsonFactory fast) {

        static Parsers of(InputLimits limits) {
            ObjectMapper json = limits.equals(InputLimits.DEFAULT) ? JsonInput.json() : JsonInput.json(limits);
            ObjectMapper yaml = limits.equals(InputLimits.DEFAULT) ? JsonInput.yaml() : JsonInput.yaml(limits);
            JsonFactory fast = new JsonFactoryBuilder()
                    .streamReadConstraints(json.getFactory().streamReadConstraints())
                    .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                    .build();
            return new Parsers(limits, json, yaml, fast);
        }
    }

    /** The parsers last asked for: a load asks with one limits object for every entry (a map look-up hashed the record each time). */
    private static volatile Parsers last;

    private static Parsers parsers(InputLimits limits) {
        Parsers held = last;
        if (held != null && held.limits() == limits) {
            return held;
        }
        held = MAPPERS.computeIfAbsent(limits, Parsers::of);
        last = held;
        return held;
    }

    /**
     * One thread's lists to build a record's lists in, each then copied once into an immutable list of
     * its exact size that the records keep without copying it again (issue 20: a growing list and two
     * copies per list, eight lists per advisory), and its {@link FieldNames}.
     */
    private static final class Scratch {
        final FieldNames names = new FieldNames();
        final ArrayList<SeverityScore> severities = new ArrayList<>();
        final ArrayList<AffectedPackage> affected = new ArrayList<>();
        final ArrayList<VersionRange> ranges = new ArrayList<>();
        final ArrayList<RangeEvent> events = new ArrayList<>();
        final ArrayList<String> strings = new ArrayList<>();
        final ArrayList<String> references = new ArrayList<>();
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** A list of larger size is not kept by a thread once taken: a hostile document does not pin its memory. */
    private static final int KEPT_CAPACITY = 4096;

    /** The scratch list's elements as an immutable list (no array for one or two), the scratch list emptied. */
    private static <T> List<T> take(ArrayList<T> scratch) {
        int size = scratch.size();
        List<T> list = switch (size) {
            case 0 -> List.of();
            case 1 -> List.of(scratch.get(0));
            case 2 -> List.of(scratch.get(0), scratch.get(1));
            default -> List.copyOf(scratch);
        };
        scratch.clear();
        if (size > KEPT_CAPACITY) {
            scratch.trimToSize();
        }
        return list;
    }

    private static Advisory record(TokenCursor c, AdvisoryRetention retention, Scratch s)
            throws IOException, InputException {
        boolean keepRelated = retention == AdvisoryRetention.ALL;
        boolean keepReferences = retention != AdvisoryRetention.SNAPSHOT;
        c.expectObject("an OSV record");
        TokenCursor.Mark start = c.objectMark();
        String id = null;
        String summary = null;
        String details = null;
        Instant published = null;
        Instant modified = null;
        Instant withdrawn = null;
        List<String> aliases = List.of();
        List<String> related = List.of();
        List<SeverityScore> severities = List.of();
        List<AffectedPackage> affected = List.of();
        List<String> references = List.of();
        String databaseSeverity = null;
        String[] legacyPackage = null;
        LegacyAffects legacyAffects = null;
        // A key is never given twice in an object (refused either way), so each list below is read once.
        while (c.nextField()) {
            switch (c.fieldName()) {
                case "id" -> {
                    id = c.string("id");
                    if (id.isBlank()) {
                        throw c.error("id must not be empty");
                    }
                }
                case "summary" -> summary = c.optionalString("summary");
                case "details" -> details = details(c, retention, summary);
                case "published" -> published = timestamp(c, "published");
                case "modified" -> modified = timestamp(c, "modified");
                case "withdrawn" -> withdrawn = timestamp(c, "withdrawn");
                case "aliases" -> aliases = sharedStrings(c, "aliases", s);
                case "related" -> {
                    if (keepRelated) {
                        related = c.strings("related");
                    } else {
                        c.checkStrings("related");
                    }
                }
                case "severity" -> severities = severities(c, s);
                case "affected" -> affected = affected(c, s);
                case "references" -> references = references(c, keepReferences ? s.references : null);
                case "database_specific" -> databaseSeverity = databaseSpecificSeverity(c);
                case "package" -> legacyPackage = packageCoordinates(c);
                case "affects" -> legacyAffects = legacyAffects(c, s);
                default -> c.skipValue();
            }
        }
        if (affected.isEmpty() && legacyPackage != null) {
            // Pre-1.0 OSV (older PyPA records): one top-level package, ranges with introduced/fixed keys.
            LegacyAffects affects = legacyAffects == null ? new LegacyAffects(List.of(), List.of()) : legacyAffects;
            affected = List.of(new AffectedPackage(legacyPackage[0], legacyPackage[1], legacyPackage[2],
                    new AffectedVersions(affects.ranges(), affects.versions()), List.of()));
        }
        if (id == null) {
            throw c.error(start, "the OSV record has no \"id\"");
        }
        if (modified == null) {
            throw c.error(start, "the OSV record " + shorten(id) + " has no \"modified\" timestamp");
        }
        if (databaseSeverity != null) {
            s.severities.addAll(severities);
            s.severities.add(Cvss.score(DATABASE_SPECIFIC_SEVERITY, databaseSeverity));
            severities = take(s.severities);
        }
        if (retention == AdvisoryRetention.SNAPSHOT) {
            details = summary == null || summary.isBlank() ? AdvisoryRetention.headlineSource(details == null ? "" : details)
                    : "";
        }
        return new Advisory(id, c.source(), summary, details, published, modified, withdrawn, aliases, related,
                severities, affected, references);
    }

    /**
     * {@code details}, or, when a snapshot's record already has a summary that is not blank, null after the
     * same check: such a record keeps no details (its headline is the summary), and OSV records state the
     * summary first, so the bulk of each record's text is no longer copied into a string only to be dropped.
     */
    private static String details(TokenCursor c, AdvisoryRetention retention, String summary)
            throws IOException, InputException {
        if (retention != AdvisoryRetention.SNAPSHOT || summary == null || summary.isBlank() || c.isNull()) {
            return c.optionalString("details");
        }
        c.checkString("details");
        return null;
    }

    private static Instant timestamp(TokenCursor c, String field) throws IOException, InputException {
        if (c.isNull()) {
            return null;
        }
        Instant common = c.commonInstant(); // already the load's, when it has a table
        if (common != null) {
            return common;
        }
        String text = c.string(field);
        try {
            return c.reuse(Rfc3339.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw c.error(field + " must be an RFC 3339 timestamp such as 2024-01-31T12:00:00Z, found \""
                    + shorten(text) + "\"");
        }
    }

    /** As {@link TokenCursor#sharedStrings(String)}, built in the thread's scratch list. */
    private static List<String> sharedStrings(TokenCursor c, String what, Scratch s) throws IOException, InputException {
        if (c.isNull()) {
            return List.of();
        }
        c.expectArray(what);
        String entries = what + " entries";
        ArrayList<String> values = s.strings;
        try {
            while (c.nextElement()) {
                values.add(c.shared(entries));
            }
            return take(values);
        } finally {
            values.clear();
        }
    }

    private static List<SeverityScore> severities(TokenCursor c, Scratch s) throws IOException, InputException {
        if (c.isNull()) {
            return List.of();
        }
        c.expectArray("severity");
        ArrayList<SeverityScore> scores = s.severities;
        try {
            while (c.nextElement()) {
                c.expectObject("a severity entry");
                TokenCursor.Mark start = c.objectMark();
                String type = null;
                String score = null;
                while (c.nextField()) {
                    switch (c.fieldName()) {
                        case "type" -> type = c.shared("severity type");
                        case "score" -> score = c.string("severity score");
                        default -> c.skipValue();
                    }
                }
                if (type == null || score == null) {
                    throw c.error(start, "a severity entry needs both \"type\" and \"score\"");
                }
                scores.add(Cvss.score(type, score));
            }
            return take(scores);
        } finally {
            scores.clear();
        }
    }

    private static List<AffectedPackage> affected(TokenCursor c, Scratch s) throws IOException, InputException {
        if (c.isNull()) {
            return List.of();
        }
        c.expectArray("affected");
        ArrayList<AffectedPackage> packages = s.affected;
        try {
            while (c.nextElement()) {
                c.expectObject("an affected entry");
                String ecosystem = "";
                String name = "";
                String purl = "";
                List<VersionRange> ranges = List.of();
                List<String> versions = List.of();
                List<SeverityScore> severities = List.of();
                while (c.nextField()) {
                    switch (c.fieldName()) {
                        case "package" -> {
                            String[] coordinates = packageCoordinates(c);
                            if (coordinates != null) {
                                ecosystem = coordinates[0];
                                name = coordinates[1];
                                purl = coordinates[2];
                            }
                        }
                        case "ranges" -> ranges = ranges(c, s);
                        case "versions" -> versions = sharedStrings(c, "versions", s);
                        case "severity" -> severities = severities(c, s);
                        default -> c.skipValue();
                    }
                }
                packages.add(new AffectedPackage(ecosystem, name, purl, new AffectedVersions(ranges, versions),
                        severities));
            }
            return take(packages);
        } finally {
            packages.clear();
        }
    }

    /** {@code package}: ecosystem, name and purl ("" when absent), or null for a JSON null. */
    private static String[] packageCoordinates(TokenCursor c) throws IOException, InputException {
        if (c.isNull()) {
            return null;
        }
        c.expectObject("package");
        TokenCursor.Mark start = c.objectMark();
        String ecosystem = null;
        String name = null;
        String purl = "";
        while (c.nextField()) {
            switch (c.fieldName()) {
                case "ecosystem" -> ecosystem = c.shared("package ecosystem");
                case "name" -> name = c.shared("package name");
                case "purl" -> purl = c.isNull() ? "" : c.shared("package purl");
                default -> c.skipValue();
            }
        }
        if (ecosystem == null || name == null) {
            throw c.error(start, "package needs both \"ecosystem\" and \"name\"");
        }
        return new String[] {ecosystem, name, purl};
    }

    private record LegacyAffects(List<VersionRange> ranges, List<String> versions) {
    }

    /** Pre-1.0 {@code affects}: ranges carry introduced/fixed/limit as keys; a missing introduced means "0". */
    private static LegacyAffects legacyAffects(TokenCursor c, Scratch s) throws IOException, InputException {
        if (c.isNull()) {
            return null;
        }
        c.expectObject("affects");
        List<VersionRange> ranges = List.of();
        List<String> versions = List.of();
        while (c.nextField()) {
            switch (c.fieldName()) {
                case "versions" -> versions = sharedStrings(c, "versions", s);
                case "ranges" -> {
                    c.expectArray("ranges");
                    List<VersionRange> read = new ArrayList<>();
                    while (c.nextElement()) {
                        c.expectObject("a range");
                        TokenCursor.Mark start = c.objectMark();
                        RangeType type = null;
                        String repo = null;
                        String introduced = "0";
                        String fixed = null;
                        String limit = null;
                        while (c.nextField()) {
                            switch (c.fieldName()) {
                                case "type" -> type = rangeType(c);
                                case "repo" -> repo = c.isNull() ? null : c.shared("repo");
                                case "introduced" -> introduced = c.shared("introduced");
                                case "fixed" -> fixed = c.shared("fixed");
                                case "limit" -> limit = c.shared("limit");
                                default -> c.skipValue();
                            }
                        }
                        if (type == null) {
                            throw c.error(start, "a range needs a \"type\" (SEMVER, ECOSYSTEM or GIT)");
                        }
                        List<RangeEvent> events = new ArrayList<>();
                        events.add(c.reuse(new RangeEvent(RangeEvent.Kind.INTRODUCED, introduced)));
                        if (fixed != null) {
                            events.add(c.reuse(new RangeEvent(RangeEvent.Kind.FIXED, fixed)));
                        }
                        if (limit != null) {
                            events.add(c.reuse(new RangeEvent(RangeEvent.Kind.LIMIT, limit)));
                        }
                        read.add(new VersionRange(type, repo, events));
                    }
                    ranges = read;
                }
                default -> c.skipValue();
            }
        }
        return new LegacyAffects(ranges, versions);
    }

    private static List<VersionRange> ranges(TokenCursor c, Scratch s) throws IOException, InputException {
        if (c.isNull()) {
            return List.of();
        }
        c.expectArray("ranges");
        ArrayList<VersionRange> ranges = s.ranges;
        try {
            while (c.nextElement()) {
                c.expectObject("a range");
                TokenCursor.Mark start = c.objectMark();
                RangeType type = null;
                // "" as VersionRange makes of null: its test for null then never meets the first GIT range's repo
                // untried in compiled code (a recompilation, as for the range type).
                String repo = "";
                List<RangeEvent> events = null;
                while (c.nextField()) {
                    switch (c.fieldName()) {
                        case "type" -> type = rangeType(c);
                        case "repo" -> repo = c.isNull() ? "" : c.shared("repo");
                        case "events" -> events = events(c, s);
                        default -> c.skipValue();
                    }
                }
                if (type == null) {
                    throw c.error(start, "a range needs a \"type\" (SEMVER, ECOSYSTEM or GIT)");
                }
                if (events == null || events.isEmpty()) {
                    throw c.error(start, "a range needs at least one event");
                }
                ranges.add(new VersionRange(type, repo, events));
            }
            return take(ranges);
        } finally {
            ranges.clear();
        }
    }

    /**
     * The range types by the length of their names (3, 6 and 9): one comparison whatever the type. A switch on
     * the name was compiled without the branches of the types the first archive lacks (npm states SEMVER only),
     * and the first ECOSYSTEM range of the next archive threw the compiled range reader away (issue 20).
     */
    private static final RangeType[] RANGE_TYPES_BY_LENGTH = rangeTypesByLength();

    private static RangeType[] rangeTypesByLength() {
        RangeType[] byLength = new RangeType[16];
        for (RangeType type : RangeType.values()) {
            if (byLength[type.name().length()] != null) {
                throw new IllegalStateException("two range types of one length: " + type);
            }
            byLength[type.name().length()] = type;
        }
        return byLength;
    }

    private static RangeType rangeType(TokenCursor c) throws IOException, InputException {
        String text = c.shared("range type"); // one of three values: no string made per range
        RangeType type = text.length() < RANGE_TYPES_BY_LENGTH.length ? RANGE_TYPES_BY_LENGTH[text.length()] : null;
        if (type == null || !type.name().equals(text)) {
            throw c.error("range type must be SEMVER, ECOSYSTEM or GIT, found \"" + shorten(text) + "\"");
        }
        return type;
    }

    private static List<RangeEvent> events(TokenCursor c, Scratch s) throws IOException, InputException {
        c.expectArray("events");
        ArrayList<RangeEvent> events = s.events;
        try {
            while (c.nextElement()) {
                c.expectObject("an event");
                TokenCursor.Mark start = c.objectMark();
                RangeEvent event = null;
                while (c.nextField()) {
                    RangeEvent.Kind kind = switch (c.fieldName()) {
                        case "introduced" -> RangeEvent.Kind.INTRODUCED;
                        case "fixed" -> RangeEvent.Kind.FIXED;
                        case "last_affected" -> RangeEvent.Kind.LAST_AFFECTED;
                        case "limit" -> RangeEvent.Kind.LIMIT;
                        default -> null;
                    };
                    if (kind == null) {
                        c.skipValue();
                        continue;
                    }
                    if (event != null) {
                        throw c.error("an event must have exactly one of introduced, fixed, last_affected, limit; found "
                                + event.kind().osvKey() + " and " + kind.osvKey());
                    }
                    event = c.reuse(new RangeEvent(kind, c.shared(kind.osvKey())));
                }
                if (event == null) {
                    throw c.error(start, "an event must have exactly one of introduced, fixed, last_affected, limit");
                }
                events.add(event);
            }
            return take(events);
        } finally {
            events.clear();
        }
    }

    /**
     * The references' urls, collected in {@code urls} (a scratch list); with {@code urls} null, only checked
     * (a retention that drops references) and none returned.
     */
    private static List<String> references(TokenCursor c, ArrayList<String> urls) throws IOException, InputException {
        if (c.isNull()) {
            return List.of();
        }
        c.expectArray("references");
        try {
            while (c.nextElement()) {
                c.expectObject("a reference");
                while (c.nextField()) {
                    if (c.fieldName().equals("url")) {
                        if (c.isNull()) {
                            continue;
                        }
                        if (urls == null) {
                            c.checkString("reference url");
                        } else {
                            urls.add(c.shared("reference url"));
                        }
                    } else {
                        c.skipValue();
                    }
                }
            }
            return urls == null ? List.of() : take(urls);
        } finally {
            if (urls != null) {
                urls.clear();
            }
        }
    }

    /** GHSA's {@code database_specific.severity} (CRITICAL, HIGH, MODERATE, LOW); any other content is skipped. */
    private static String databaseSpecificSeverity(TokenCursor c) throws IOException, InputException {
        if (c.current() != JsonToken.START_OBJECT) {
            c.skipValue();
            return null;
        }
        String severity = null;
        while (c.nextField()) {
            if (c.fieldName().equals("severity") && c.current() == JsonToken.VALUE_STRING) {
                severity = c.string("database_specific.severity");
            } else {
                c.skipValue();
            }
        }
        return severity;
    }

    static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
