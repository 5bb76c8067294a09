package dev.tandem.triage.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.triage.AnalysisState;
import dev.tandem.triage.ComponentSelector;
import dev.tandem.triage.Justification;
import dev.tandem.triage.Origin;
import dev.tandem.triage.Response;
import dev.tandem.triage.Statement;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecisionsReaderTest {

    static List<Statement> read(String name, String text) throws InputException {
        return DecisionsReader.read(InputDocument.of(name, text));
    }

    @Test
    void theBundledExampleIsReadInFileOrderWithLines() throws InputException {
        List<Statement> statements = DecisionsReader.read(InputDocument.read(Path.of("../examples/vex/sc200-decisions.yaml")));
        assertThat(statements).hasSize(6);
        Statement webp = statements.get(0);
        assertThat(webp.origin()).isEqualTo(Origin.TRIAGE);
        assertThat(webp.vulnerability()).isEqualTo("CVE-2023-4863");
        assertThat(webp.component()).isEqualTo(new ComponentSelector.Purl("pkg:cargo/libwebp-sys@0.9.2"));
        assertThat(webp.state()).isEqualTo(AnalysisState.EXPLOITABLE);
        assertThat(webp.responses()).containsExactly(Response.UPDATE);
        assertThat(webp.detail()).startsWith("The thumbnail service").doesNotContain("\n");
        assertThat(webp.author()).isEqualTo("SC-200 PSIRT <psirt@camera.example>");
        assertThat(webp.at()).isEqualTo(Instant.parse("2026-11-03T10:00:00Z"));
        assertThat(webp.source()).isEqualTo("../examples/vex/sc200-decisions.yaml:6");
        assertThat(statements.get(1).justification()).isEqualTo(Justification.CODE_NOT_REACHABLE);
        assertThat(statements.get(5).component()).isEqualTo(new ComponentSelector.Purl("pkg:golang/golang.org/x/net"));
    }

    @Test
    void jsonCpeSingleResponseAndBareDates() throws InputException {
        List<Statement> statements = read("d.json", """
                {"decisions": [{"vulnerability": "CVE-2024-1", "component": "cpe:2.3:o:busybox:busybox:1.36.1:*:*:*:*:*:*:*",
                  "state": "exploitable", "response": "will_not_fix", "time": "2026-11-03"}]}""");
        assertThat(statements).singleElement().satisfies(s -> {
            assertThat(s.component()).isInstanceOf(ComponentSelector.Cpe.class);
            assertThat(s.responses()).containsExactly(Response.WILL_NOT_FIX);
            assertThat(s.at()).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
            assertThat(s.source()).isEqualTo("d.json:1");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown key          | decisions: [{vulnerability: CVE-1, component: pkg:npm/a, state: exploitable, sate: x}] | line 1, column 84, at /decisions/0/sate: unknown key 'sate'
            unknown state        | 'decisions:\\n  - vulnerability: CVE-1\\n    component: pkg:npm/a\\n    state: fixed' | line 4, column 12, at /decisions/0/state: unknown analysis state 'fixed'
            missing component    | decisions: [{vulnerability: CVE-1, state: exploitable}] | at /decisions/0: 'component' is missing
            not purl or cpe      | decisions: [{vulnerability: CVE-1, component: lodash, state: exploitable}] | at /decisions/0/component: 'lodash' is neither a package URL
            malformed purl       | decisions: [{vulnerability: CVE-1, component: 'pkg:npm', state: exploitable}] | at /decisions/0/component: not a package URL
            star                 | decisions: [{vulnerability: CVE-1, component: '*', state: exploitable}] | not '*'
            justification        | decisions: [{vulnerability: CVE-1, component: pkg:npm/a, state: exploitable, justification: code_not_present}] | a justification says why a component is not affected
            bare not_affected    | decisions: [{vulnerability: CVE-1, component: pkg:npm/a, state: not_affected}] | not_affected needs a justification or a detail
            bad time             | decisions: [{vulnerability: CVE-1, component: pkg:npm/a, state: exploitable, time: yesterday}] | at /decisions/0/time: expected a time
            bad response         | decisions: [{vulnerability: CVE-1, component: pkg:npm/a, state: exploitable, response: [patch]}] | at /decisions/0/response/0: unknown response 'patch'
            not a list           | decisions: {vulnerability: CVE-1} | at /decisions: expected a list of decisions, found an object
            no decisions         | items: [] | unknown key 'items'
            nested value         | decisions: [{vulnerability: [CVE-1], component: pkg:npm/a, state: exploitable}] | at /decisions/0/vulnerability: expected text, found an array
            duplicate key        | decisions: [{vulnerability: CVE-1, vulnerability: CVE-2, component: pkg:npm/a, state: exploitable}] | key 'vulnerability' is given twice
            malformed YAML       | 'decisions:\\n  - vulnerability: [CVE-1\\n' | malformed YAML
            truncated JSON       | {"decisions": [{"vulnerability": | line 1
            top-level list       | [1, 2] | expected a mapping with 'decisions', found an array
            complex key          | 'decisions:\\n  ? {a: 1}\\n  : x\\n' | a key must be plain text
            """)
    void badEntriesNameFileAndPosition(String what, String text, String expected) {
        assertThatThrownBy(() -> read("decisions.yaml", text.replace("\\n", "\n")))
                .as(what).isInstanceOf(InputException.class)
                .hasMessageStartingWith("decisions.yaml: ").hasMessageContaining(expected);
    }

    @Test
    void anEmptyFileAndAnAliasBombAreRefused() {
        assertThatThrownBy(() -> read("e.yaml", "")).isInstanceOf(InputException.class).hasMessageContaining("e.yaml");
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (char c = 'b'; c <= 'k'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
                    .append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
        }
        bomb.append("decisions: [*k]\n");
        assertThatThrownBy(() -> read("bomb.yaml", bomb.toString())).isInstanceOf(InputException.class)
                .hasMessageContaining("bomb.yaml");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "decisions: " + "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> read("deep.yaml", deep)).isInstanceOf(InputException.class).hasMessageContaining("deep.yaml");
    }
}
