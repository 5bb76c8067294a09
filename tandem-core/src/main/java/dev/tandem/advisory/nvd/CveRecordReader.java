package dev.tandem.advisory.nvd;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the NVD and CVE records of one JSON document, recognising its shape from the content:
 *
 * <ul>
 *   <li>an NVD CVE API 2.0 response or yearly feed: an object with {@code vulnerabilities[]}, each
 *       {@code {"cve": {...}}};</li>
 *   <li>one API 2.0 record: the {@code cve} object itself ({@code id}, {@code vulnStatus}, …), or
 *       one {@code {"cve": {...}}} element;</li>
 *   <li>an NVD JSON 1.1 feed ({@code CVE_Items[]}) or one 1.1 item ({@code cve.CVE_data_meta});</li>
 *   <li>a CVE JSON 5 record ({@code cveMetadata}, {@code containers}).</li>
 * </ul>
 *
 * Feeds are streamed element by element, so a yearly feed of hundreds of megabytes never becomes
 * one tree. Duplicate keys are refused (which of two values counts would be a guess). Every problem
 * names the document, the line and column, and the JSON pointer.
 */
public final class CveRecordReader {

    private static final Map<InputLimits, ObjectReader> READERS = new ConcurrentHashMap<>();

    private CveRecordReader() {
    }

    /**
     * Every record of one document.
     *
     * @param problems when not null, a bad record of a feed is added here and the following ones are
     *                 still read; syntax errors (the document cannot be read any further) are thrown
     */
    public static List<CveRecord> readAll(String source, byte[] content, InputLimits limits,
            List<InputException> problems) throws InputException {
        // Values are read one at a time out of a stream: what follows a value is the stream's, not trailing junk.
        ObjectReader reader = READERS.computeIfAbsent(limits, l -> (l.equals(InputLimits.DEFAULT) ? JsonInput.json()
                : JsonInput.json(l)).reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));
        RecordNodes nodes = new RecordNodes(source, content, limits);
        JsonParser parser = null;
        try {
            parser = reader.createParser(content);
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InputException(source, InputPosition.at(1, 1), "the document is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new InputException(source, InputPosition.at(1, 1),
                        "not an NVD or CVE record: expected a JSON object, found " + describe(first));
            }
            ObjectNode top = JsonNodeFactory.instance.objectNode();
            List<CveRecord> records = new ArrayList<>();
            boolean feed = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ((field.equals("vulnerabilities") || field.equals("CVE_Items")) && value == JsonToken.START_ARRAY) {
                    feed = true;
                    boolean legacy = field.equals("CVE_Items");
                    int index = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        JsonNode element = reader.readTree(parser);
                        String pointer = "/" + field + "/" + index++;
                        try {
                            records.add(legacy ? LegacyFeedConverter.convert(nodes, element, pointer)
                                    : apiElement(nodes, element, pointer));
                        } catch (InputException e) {
                            if (problems == null) {
                                throw e;
                            }
                            problems.add(e);
                        }
                    }
                } else {
                    top.set(field, reader.readTree(parser));
                }
            }
            if (parser.nextToken() != null) {
                throw new InputException(source, InputPosition.at(parser.currentLocation().getLineNr(),
                        parser.currentLocation().getColumnNr()), "more content after the end of the JSON document");
            }
            if (feed) {
                return records;
            }
            return List.of(single(nodes, top));
        } catch (JsonProcessingException e) {
            throw JsonInput.error(source, e, parser);
        } catch (IOException e) {
            throw new InputException(source, InputPosition.UNKNOWN, "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw JsonInput.error(source, e, parser);
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // in-memory parser: nothing to lose
                }
            }
        }
    }

    private static CveRecord single(RecordNodes nodes, ObjectNode top) throws InputException {
        if (top.has("cveMetadata") || "CVE_RECORD".equals(top.path("dataType").asText())) {
            return CveListConverter.convert(nodes, top, "");
        }
        JsonNode cve = top.path("cve");
        if (cve.isObject() && cve.has("CVE_data_meta")) {
            return LegacyFeedConverter.convert(nodes, top, "");
        }
        if (cve.isObject() && cve.has("id")) {
            return ApiRecordConverter.convert(nodes, cve, "/cve");
        }
        if (top.has("id") && (top.has("vulnStatus") || top.has("descriptions") || top.has("configurations")
                || top.has("published") || top.has("sourceIdentifier"))) {
            return ApiRecordConverter.convert(nodes, top, "");
        }
        throw nodes.error("", "not an NVD or CVE record: expected an NVD CVE API 2.0 record or response"
                + " (\"id\" and \"vulnStatus\", or \"vulnerabilities\"), an NVD JSON 1.1 feed or item (\"CVE_Items\","
                + " \"cve.CVE_data_meta\"), or a CVE JSON 5 record (\"cveMetadata\")");
    }

    private static CveRecord apiElement(RecordNodes nodes, JsonNode element, String pointer) throws InputException {
        JsonNode item = nodes.element(element, pointer);
        JsonNode cve = nodes.object(item, "cve", pointer);
        if (cve.isMissingNode()) {
            throw nodes.error(pointer, "an element of \"vulnerabilities\" needs \"cve\"");
        }
        return ApiRecordConverter.convert(nodes, cve, pointer + "/cve");
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }
}
