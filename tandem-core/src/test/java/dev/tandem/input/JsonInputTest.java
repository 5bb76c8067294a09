package dev.tandem.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class JsonInputTest {

    @Test
    void truncatedJsonNamesFileLineAndColumn() {
        String text = "{\n  \"a\": [1, 2,\n";
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("doc.json: line 3")
                .satisfies(e -> assertThat(((InputException) e).position().line()).isEqualTo(3));
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String text = "[".repeat(10_000) + "]".repeat(10_000);
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("nesting depth");
    }

    @Test
    void hugeStringsAreRefusedUnderTightLimits() {
        InputLimits tight = new InputLimits(1 << 20, 50, 1000, 10, 10);
        String text = "{\"a\":\"" + "x".repeat(5000) + "\"}";
        assertThatThrownBy(() -> {
            try {
                JsonInput.json(tight).readTree(text);
            } catch (JsonProcessingException e) {
                throw JsonInput.error("big.json", e);
            }
        }).isInstanceOf(InputException.class).hasMessageContaining("big.json").hasMessageContaining("String value length");
    }

    @Test
    void trailingGarbageIsAnError() {
        assertThatThrownBy(() -> parse("{\"a\":1} {\"b\":2}")).isInstanceOf(InputException.class);
    }

    @Test
    void yamlAliasBombDoesNotExpand() throws Exception {
        StringBuilder yaml = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        char previous = 'a';
        for (char c = 'b'; c <= 'k'; c++) {
            yaml.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 10; i++) {
                yaml.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            yaml.append("]\n");
            previous = c;
        }
        // Jackson's YAML reader does not expand aliases into copies, so ten levels of ten-fold
        // references stay ten lines long instead of ten billion nodes.
        JsonNode tree = JsonInput.yaml().readTree(yaml.toString());
        assertThat(tree.size()).isEqualTo(11);
        assertThat(tree.toString().length()).isLessThan(10_000);
    }

    @Test
    void doctypeIsRejectedWithItsPosition() {
        byte[] xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>&e;</x>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> XmlInput.rejectDoctype("bom.xml", xml))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("bom.xml: line 2, column 1: DOCTYPE");
    }

    private static JsonNode parse(String text) throws InputException {
        try {
            return JsonInput.json().readTree(text);
        } catch (JsonProcessingException e) {
            throw JsonInput.error("doc.json", e);
        }
    }
}
