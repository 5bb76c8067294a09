package dev.tandem.advisory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
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

    private static final Map<InputLimits, ObjectMapper[]> MAPPERS = new ConcurrentHashMap<>();

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
        ObjectMapper mapper = mappers(limits)[yaml ? 1 : 0];
        if (yaml) {
            JsonInput.checkYamlShape(source, content);
        }
        JsonParser parser = null;
        try {
            parser = mapper.getFactory().createParser(content);
            TokenCursor cursor = new TokenCursor(parser, source, yaml, repeated);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InputException(source, InputPosition.at(1, 1), "the document is empty");
            }
            List<Advisory> records = new ArrayList<>();
            if (first == JsonToken.START_ARRAY) {
                JsonStreamContext array = parser.getParsingContext();
                while (cursor.nextElement()) {
                    try {
                        records.add(record(cursor, retention));
                    } catch (InputException e) {
                        if (problems == null) {
                            throw e;
                        }
                        problems.add(e);
                        skipRestOfElement(parser, array, cursor);
                    }
                }
            } else {
                records.add(record(cursor, retention));
            }
            if (parser.nextToken() != null) {
                throw cursor.error("unexpected content after the OSV record");
            }
            // A bulk load holds each file's list until every file is parsed: one record needs no array of ten.
            return records.size() == 1 ? List.of(records.get(0)) : records;
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

    /** After a bad record, moves the parser to the end of that array element so the next one can be read. */
    private static void skipRestOfElement(JsonParser parser, JsonStreamContext array, TokenCursor cursor)
            throws IOException, InputException {
        while (parser.getParsingContext() != array) {
            if (parser.nextToken() == null) {
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

    private static ObjectMapper[] mappers(InputLimits limits) {
        if (limits.equals(InputLimits.DEFAULT)) {
            return MAPPERS.computeIfAbsent(limits, l -> new ObjectMapper[] {JsonInput.json(), JsonInput.yaml()});
        }
        return MAPPERS.computeIfAbsent(limits, l -> new ObjectMapper[] {JsonInput.json(l), JsonInput.yaml(l)});
    }

    private static Advisory record(TokenCursor c, AdvisoryRetention retention) throws IOException, InputException {
        boolean keepRelated = retention == AdvisoryRetention.ALL;
        boolean keepReferences = retention != AdvisoryRetention.SNAPSHOT;
        c.expectObject("an OSV record");
        TokenCursor.Mark start = c.mark();
        String id = null;
        String summary = null;
        String details = null;
        Instant published = null;
        Instant modified = null;
        Instant withdrawn = null;
        List<String> aliases = List.of();
        List<String> related = List.of();
        List<SeverityScore> severities = new ArrayList<>();
        List<AffectedPackage> affected = new ArrayList<>();
        List<String> references = new ArrayList<>();
        String databaseSeverity = null;
        String[] legacyPackage = null;
        LegacyAffects legacyAffects = null;
        while (c.nextField()) {
            switch (c.fieldName()) {
                case "id" -> {
                    id = c.string("id");
                    if (id.isBlank()) {
                        throw c.error("id must not be empty");
                    }
                }
                case "summary" -> summary = c.optionalString("summary");
                case "details" -> details = c.optionalString("details");
                case "published" -> published = timestamp(c, "published");
                case "modified" -> modified = timestamp(c, "modified");
                case "withdrawn" -> withdrawn = timestamp(c, "withdrawn");
                case "aliases" -> aliases = c.sharedStrings("aliases");
                case "related" -> {
                    if (keepRelated) {
                        related = c.strings("related");
                    } else {
                        c.checkStrings("related");
                    }
                }
                case "severity" -> severities.addAll(severities(c));
                case "affected" -> affected.addAll(affected(c));
                case "references" -> references(c, keepReferences ? references : null);
                case "database_specific" -> databaseSeverity = databaseSpecificSeverity(c);
                case "package" -> legacyPackage = packageCoordinates(c);
                case "affects" -> legacyAffects = legacyAffects(c);
                default -> c.skipValue();
            }
        }
        if (affected.isEmpty() && legacyPackage != null) {
            // Pre-1.0 OSV (older PyPA records): one top-level package, ranges with introduced/fixed keys.
            LegacyAffects affects = legacyAffects == null ? new LegacyAffects(List.of(), List.of()) : legacyAffects;
            affected.add(new AffectedPackage(legacyPackage[0], legacyPackage[1], legacyPackage[2],
                    new AffectedVersions(affects.ranges(), affects.versions()), List.of()));
        }
        if (id == null) {
            throw c.error(start, "the OSV record has no \"id\"");
        }
        if (modified == null) {
            throw c.error(start, "the OSV record " + shorten(id) + " has no \"modified\" timestamp");
        }
        if (databaseSeverity != null) {
            severities.add(Cvss.score(DATABASE_SPECIFIC_SEVERITY, databaseSeverity));
        }
        if (retention == AdvisoryRetention.SNAPSHOT) {
            details = summary == null || summary.isBlank() ? AdvisoryRetention.headlineSource(details == null ? "" : details)
                    : "";
        }
        return new Advisory(id, c.source(), summary, details, published, modified, withdrawn, aliases, related,
                severities, affected, references);
    }

    private static Instant timestamp(TokenCursor c, String field) throws IOException, InputException {
        if (c.isNull()) {
            return null;
        }
        String text = c.string(field);
        try {
            return c.reuse(Rfc3339.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw c.error(field + " must be an RFC 3339 timestamp such as 2024-01-31T12:00:00Z, found \""
                    + shorten(text) + "\"");
        }
    }

    private static List<SeverityScore> severities(TokenCursor c) throws IOException, InputException {
        List<SeverityScore> scores = new ArrayList<>();
        if (c.isNull()) {
            return scores;
        }
        c.expectArray("severity");
        while (c.nextElement()) {
            c.expectObject("a severity entry");
            TokenCursor.Mark start = c.mark();
            String type = null;
            String score = null;
            while (c.nextField()) {
                switch (c.fieldName()) {
                    case "type" -> type = c.string("severity type");
                    case "score" -> score = c.string("severity score");
                    default -> c.skipValue();
                }
            }
            if (type == null || score == null) {
                throw c.error(start, "a severity entry needs both \"type\" and \"score\"");
            }
            scores.add(Cvss.score(type, score));
        }
        return scores;
    }

    private static List<AffectedPackage> affected(TokenCursor c) throws IOException, InputException {
        List<AffectedPackage> packages = new ArrayList<>();
        if (c.isNull()) {
            return packages;
        }
        c.expectArray("affected");
        while (c.nextElement()) {
            c.expectObject("an affected entry");
            String ecosystem = "";
            String name = "";
            String purl = "";
            List<VersionRange> ranges = new ArrayList<>();
            List<String> versions = List.of();
            List<SeverityScore> severities = new ArrayList<>();
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
                    case "ranges" -> ranges.addAll(ranges(c));
                    case "versions" -> versions = c.sharedStrings("versions");
                    case "severity" -> severities.addAll(severities(c));
                    default -> c.skipValue();
                }
            }
            packages.add(new AffectedPackage(ecosystem, name, purl, new AffectedVersions(ranges, versions), severities));
        }
        return packages;
    }

    /** {@code package}: ecosystem, name and purl ("" when absent), or null for a JSON null. */
    private static String[] packageCoordinates(TokenCursor c) throws IOException, InputException {
        if (c.isNull()) {
            return null;
        }
        c.expectObject("package");
        TokenCursor.Mark start = c.mark();
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
    private static LegacyAffects legacyAffects(TokenCursor c) throws IOException, InputException {
        if (c.isNull()) {
            return null;
        }
        c.expectObject("affects");
        List<VersionRange> ranges = new ArrayList<>();
        List<String> versions = List.of();
        while (c.nextField()) {
            switch (c.fieldName()) {
                case "versions" -> versions = c.sharedStrings("versions");
                case "ranges" -> {
                    c.expectArray("ranges");
                    while (c.nextElement()) {
                        c.expectObject("a range");
                        TokenCursor.Mark start = c.mark();
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
                        ranges.add(new VersionRange(type, repo, events));
                    }
                }
                default -> c.skipValue();
            }
        }
        return new LegacyAffects(ranges, versions);
    }

    private static List<VersionRange> ranges(TokenCursor c) throws IOException, InputException {
        List<VersionRange> ranges = new ArrayList<>();
        if (c.isNull()) {
            return ranges;
        }
        c.expectArray("ranges");
        while (c.nextElement()) {
            c.expectObject("a range");
            TokenCursor.Mark start = c.mark();
            RangeType type = null;
            String repo = null;
            List<RangeEvent> events = null;
            while (c.nextField()) {
                switch (c.fieldName()) {
                    case "type" -> type = rangeType(c);
                    case "repo" -> repo = c.isNull() ? null : c.shared("repo");
                    case "events" -> events = events(c);
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
        return ranges;
    }

    private static RangeType rangeType(TokenCursor c) throws IOException, InputException {
        String text = c.string("range type");
        return switch (text) {
            case "SEMVER" -> RangeType.SEMVER;
            case "ECOSYSTEM" -> RangeType.ECOSYSTEM;
            case "GIT" -> RangeType.GIT;
            default -> throw c.error("range type must be SEMVER, ECOSYSTEM or GIT, found \"" + shorten(text) + "\"");
        };
    }

    private static List<RangeEvent> events(TokenCursor c) throws IOException, InputException {
        List<RangeEvent> events = new ArrayList<>();
        c.expectArray("events");
        while (c.nextElement()) {
            c.expectObject("an event");
            TokenCursor.Mark start = c.mark();
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
        return events;
    }

    /** Adds each reference's url to {@code urls}; null: only checks them (a retention that drops references). */
    private static void references(TokenCursor c, List<String> urls) throws IOException, InputException {
        if (c.isNull()) {
            return;
        }
        c.expectArray("references");
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
