package dev.tandem.cli.conformity;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tandem.input.JsonInput;
import java.io.PrintWriter;

/** Pretty JSON on standard output, dates as ISO text, absent values left out. */
final class JsonOutput {

    private static final ObjectMapper MAPPER = JsonInput.json().copy()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private JsonOutput() {
    }

    static String text(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    static void print(PrintWriter out, Object value) {
        out.println(text(value));
        out.flush();
    }
}
