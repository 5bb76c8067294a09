package dev.tandem.csaf;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;

/**
 * The JSON of a CSAF document: UTF-8, two-space indentation, fields in schema order, absent values
 * left out, a final newline. The bytes are stable for the same document, so hashes and signatures
 * over them can be recomputed and compared.
 */
public final class CsafJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();

    /** Two spaces, LF line ends, {@code "key": value}: the layout of the OASIS examples, whatever the platform. */
    private static final DefaultPrettyPrinter LAYOUT = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));

    private CsafJson() {
    }

    public static byte[] bytes(CsafDocument document) {
        return text(document).getBytes(StandardCharsets.UTF_8);
    }

    public static String text(CsafDocument document) {
        try {
            return MAPPER.writer(LAYOUT).writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a CSAF document could not be written as JSON", e);
        }
    }
}
