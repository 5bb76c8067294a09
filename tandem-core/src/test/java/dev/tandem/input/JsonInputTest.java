package dev.tandem.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
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
    void trailingContentIsSaidInWordsWithoutJacksonClassNames() {
        // Found by fuzzing (anyReader-regression-incident-trailing-token): Jackson named its JsonNode class and a feature flag.
        assertThatThrownBy(() -> JsonTree.parse("t.json", "{\"a\": 1}\n\"more\"".getBytes(StandardCharsets.UTF_8), InputLimits.DEFAULT))
                .isInstanceOf(InputException.class)
                .hasMessage("t.json: line 2, column 1: unexpected content after the end of the document's value (one JSON value per document)");
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

    @Test
    void doctypeAfterALongCommentIsStillRejected() {
        byte[] xml = ("<?xml version=\"1.0\"?>\n<!--" + "x".repeat(10_000) + "-->\n"
                + "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n<x>&e;</x>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> XmlInput.rejectDoctype("bom.xml", xml))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("DOCTYPE")
                .satisfies(e -> assertThat(((InputException) e).position().line()).isEqualTo(3));
    }

    @Test
    void doctypeInUtf16IsRejected() {
        byte[] xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<!DOCTYPE x [<!ENTITY e \"e\">]>\n<x>&e;</x>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_16);
        assertThatThrownBy(() -> XmlInput.rejectDoctype("bom.xml", xml))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("DOCTYPE");
    }

    @Test
    void theWordDoctypeInACommentOrAfterTheRootIsNotADeclaration() throws Exception {
        byte[] xml = "<?xml version=\"1.0\"?>\n<!-- no <!DOCTYPE here -->\n<x><![CDATA[<!DOCTYPE y>]]></x>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        XmlInput.rejectDoctype("bom.xml", xml);
        assertThatThrownBy(() -> XmlInput.rejectDoctype("bad.xml",
                "<?xml version=\"1.0\"?>\n<<x/>".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("bad.xml: line 2");
    }

    @Test
    void yamlSyntaxErrorsNameTheLineOfTheProblem() {
        String yaml = "id: X-1\nmodified: 2024-01-01T00:00:00Z\naffected:\n\t- package: {}\n";
        assertThatThrownBy(() -> {
            try {
                JsonInput.yaml().readTree(yaml);
            } catch (JsonProcessingException e) {
                throw JsonInput.error("x.yaml", e);
            }
        }).isInstanceOf(InputException.class)
                .hasMessageStartingWith("x.yaml: line 4, column 1: malformed YAML")
                .hasMessageNotContaining("\n");
    }

    @Test
    void limitViolationsGetThePositionOfTheParser() throws Exception {
        InputLimits tight = new InputLimits(1 << 20, 50, 1000, 10, 10);
        String text = "{\n\"a\":\n" + "[".repeat(60) + "]".repeat(60) + "}";
        com.fasterxml.jackson.databind.ObjectMapper mapper = JsonInput.json(tight);
        try (com.fasterxml.jackson.core.JsonParser parser = mapper.getFactory().createParser(text)) {
            assertThatThrownBy(() -> {
                try {
                    mapper.readTree(parser);
                } catch (JsonProcessingException e) {
                    throw JsonInput.error("deep.json", e, parser);
                }
            }).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("deep.json: line 3")
                    .hasMessageContaining("nesting depth");
        }
    }

    @Test
    void yamlWithAnOverlongLineIsRefusedBeforeParsing() throws Exception {
        byte[] fine = ("id: X-1\ndetails: " + "a".repeat(1000) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonInput.checkYamlShape("ok.yaml", fine);
        byte[] hostile = ("id: X-1\ndetails: " + "a".repeat(JsonInput.MAX_YAML_LINE + 1) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThatThrownBy(() -> JsonInput.checkYamlShape("long.yaml", hostile))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("long.yaml: line 2")
                .hasMessageContaining("longer than " + JsonInput.MAX_YAML_LINE);
        byte[] big = new byte[JsonInput.MAX_YAML_BYTES + 1];
        java.util.Arrays.fill(big, (byte) '\n');
        assertThatThrownBy(() -> JsonInput.checkYamlShape("big.yaml", big))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("more than the limit");
    }

    @Test
    void messagesCarryNoExcerptOfTheDocument() {
        String text = "{\"secret\": \"" + "s".repeat(400) + "\", \"a\": [1, 2";
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("(start marker at line 1, column")
                .hasMessageNotContaining("Source:")
                .hasMessageNotContaining("sss");
    }

    @Test
    void deepPointersAreShortenedInTheMessage() {
        InputPosition position = new InputPosition(1, 2, "/components" + "/0".repeat(200));
        assertThat(position.describe()).hasSizeLessThan(160).startsWith("line 1, column 2, at /components/0/")
                .contains("/…/").endsWith("/0");
    }

    private static JsonNode parse(String text) throws InputException {
        try {
            return JsonInput.json().readTree(text);
        } catch (JsonProcessingException e) {
            throw JsonInput.error("doc.json", e);
        }
    }
}
