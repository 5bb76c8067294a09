package dev.tandem.lockfile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tandem.input.JsonInput;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The lines where a JSON lockfile writes chosen object fields (the packages of a package-lock.json or a
 * composer.lock), found in one streaming pass, so each package names its line without a search per package.
 */
final class JsonFieldLines {

    private JsonFieldLines() {
    }

    /** JSON pointer of each wanted field → its 1-based line. The document has been parsed already; a failure here costs lines only. */
    static Map<String, Integer> of(byte[] content, Predicate<String> wanted) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = JsonInput.json().getFactory().createParser(content)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.FIELD_NAME) {
                    String pointer = parser.getParsingContext().pathAsPointer().toString();
                    if (wanted.test(pointer)) {
                        lines.putIfAbsent(pointer, parser.currentTokenLocation().getLineNr());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Parsed once already under the same limits: nothing to report here.
        }
        return lines;
    }
}
