package dev.tandem.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checked parser refuses an over-long string exactly where and as Jackson refuses it when the
 * string is read with {@code getText()} (what the checked parser did for every string before issue 20):
 * same exception, same message, same position, for strings in one buffer segment and over many, with
 * escapes and multi-byte characters, in fields that are read and in fields that are skipped.
 */
class CheckedJsonFactoryTest {

    private static final int LIMIT = 1000;

    @Test
    void overLongStringsFailAsTheyDidWhenEveryStringWasDecoded() throws Exception {
        List<String> documents = new ArrayList<>();
        for (int length : new int[] {0, 1, 999, 1000, 1001, 1999, 2000, 5000, 70_000, 300_000}) {
            for (String unit : new String[] {"x", "\\u00e9", "é", "\\n", "\uD83D\uDE00"}) {
                String text = unit.repeat(Math.max(0, length / Math.max(1, unit.length())));
                documents.add("{\"a\":\"" + text + "\"}");
                documents.add("{\"skipped\":{\"deep\":[\"" + text + "\", 1]},\"b\":2}");
                documents.add("[\"ok\",\n\"" + text + "\"]");
                documents.add("{\"cut\":\"" + text); // ends inside the string
            }
        }
        InputLimits limits = new InputLimits(1 << 24, 50, LIMIT, 10, 10);
        JsonFactory checked = JsonInput.json(limits).getFactory();
        JsonFactory plain = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(LIMIT).maxNestingDepth(50).build())
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        int refused = 0;
        for (String document : documents) {
            byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
            String expected = outcome(plain, bytes, true);
            String actual = outcome(checked, bytes, false);
            assertThat(actual).as(document.length() > 60 ? document.substring(0, 60) : document).isEqualTo(expected);
            if (expected.contains("String value length")) {
                refused++;
            }
        }
        assertThat(refused).as("documents refused for an over-long string").isGreaterThan(50);
    }

    @Test
    void theTextOfAStringIsStillThereAfterTheCheck() throws Exception {
        JsonFactory checked = JsonInput.json(InputLimits.DEFAULT).getFactory();
        try (JsonParser parser = checked.createParser("{\"a\":\"caf\\u00e9 é\",\"b\":[\"x\"]}".getBytes(StandardCharsets.UTF_8))) {
            parser.nextToken();
            parser.nextToken();
            assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_STRING);
            assertThat(parser.getText()).isEqualTo("café é");
            assertThat(new String(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength()))
                    .isEqualTo("café é");
        }
    }

    /** Every token of the document (each string decoded with getText() when {@code decode}), or the failure. */
    private static String outcome(JsonFactory factory, byte[] bytes, boolean decode) {
        StringBuilder tokens = new StringBuilder();
        try (JsonParser parser = factory.createParser(bytes)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                tokens.append(token).append(' ');
                if (token == JsonToken.VALUE_STRING && decode) {
                    parser.getText();
                }
            }
            return tokens.toString();
        } catch (IOException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
