package dev.tandem.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ignore file: what it says becomes ignore statements; every defect is refused naming file, line and column. */
class IgnoreFileTest {

    private static List<Statement> read(String yaml) throws InputException {
        return IgnoreFile.read(InputDocument.of(".tandem-ignore.yaml", yaml));
    }

    private static String refused(String yaml) {
        return catchThrowableOfType(InputException.class, () -> read(yaml)).getMessage();
    }

    @Test
    void eachEntryBecomesAnIgnoreStatementNamedByFileAndLine() throws InputException {
        List<Statement> statements = read("""
                # Reviewed 2026-12-01 by the PSIRT
                ignore:
                  - id: CVE-2023-4863
                    purl: pkg:cargo/libwebp-sys
                    reason: The camera never decodes WebP from the network.
                    expires: 2027-03-31
                  - id: GO-2022-0380
                    purl: "pkg:golang/github.com/nats-io/*"
                    reason: NATS is only used on the loopback interface.
                  - id: GHSA-jfh8-c2jp-5v3q
                    reason: Whole product, every component.
                """);
        assertThat(statements).hasSize(3);
        Statement webp = statements.get(0);
        assertThat(webp.origin()).isEqualTo(Origin.IGNORE);
        assertThat(webp.source()).isEqualTo(".tandem-ignore.yaml:3");
        assertThat(webp.vulnerability()).isEqualTo("CVE-2023-4863");
        assertThat(webp.component()).isEqualTo(new ComponentSelector.Purl("pkg:cargo/libwebp-sys"));
        assertThat(webp.reason()).isEqualTo("The camera never decodes WebP from the network.");
        assertThat(webp.expires()).isEqualTo(LocalDate.parse("2027-03-31"));
        assertThat(webp.suppresses()).isTrue();
        assertThat(statements.get(1).component()).isEqualTo(new ComponentSelector.PurlPattern("pkg:golang/github.com/nats-io/*"));
        assertThat(statements.get(1).expires()).isNull();
        assertThat(statements.get(2).component()).isInstanceOf(ComponentSelector.AnyComponent.class);
    }

    @Test
    void anEmptyFileOrAnEmptyListIgnoresNothing() throws InputException {
        assertThat(read("")).isEmpty();
        // "ignore:" with nothing after it is what a cut-off file looks like: refused (docs/hardening.md), null is explicit.
        assertThat(refused("ignore:\n")).contains("looks cut off");
        assertThat(read("ignore: null\n")).isEmpty();
        assertThat(read("ignore: []\n")).isEmpty();
    }

    @Test
    void anEntryWithoutAReasonOrIdIsRefusedAtItsLine() {
        assertThat(refused("ignore:\n  - id: CVE-2023-4863\n    expires: 2027-01-01\n"))
                .isEqualTo(".tandem-ignore.yaml: line 2, column 5: the ignore entry for CVE-2023-4863 has no 'reason': "
                        + "say why it is ignored, so the decision can be reviewed");
        assertThat(refused("ignore:\n  - id: CVE-2023-4863\n    reason: \"  \"\n")).contains("line 2").contains("has no 'reason'");
        assertThat(refused("ignore:\n  - reason: because\n")).contains("line 2").contains("has no 'id'");
    }

    @Test
    void unknownAndRepeatedKeysAreRefusedWhereTheyAre() {
        assertThat(refused("ignore:\n  - id: CVE-2023-4863\n    reason: x\n    until: 2027-01-01\n"))
                .startsWith(".tandem-ignore.yaml: line 4, column 12:").contains("unknown key 'until'");
        assertThat(refused("ignores:\n  - id: CVE-2023-4863\n")).startsWith(".tandem-ignore.yaml: line 1").contains("unknown key 'ignores'");
        assertThat(refused("ignore:\n  - id: CVE-2023-4863\n    reason: a\n    reason: b\n")).contains("line 4")
                .contains("key 'reason' is given twice");
    }

    @Test
    void badValuesAreRefusedWithWhatIsExpected() {
        assertThat(refused("ignore:\n  - id: CVE-2023-4863\n    reason: x\n    expires: 2027-02-30\n"))
                .contains("line 4").contains("'expires' must be a date written YYYY-MM-DD, found \"2027-02-30\"");
        assertThat(refused("ignore:\n  - id: CVE-2023-4863\n    reason: x\n    expires: next spring\n")).contains("YYYY-MM-DD");
        assertThat(refused("ignore:\n  - id: CVE-2023-4863\n    reason: x\n    purl: libwebp\n")).contains("line 2")
                .contains("is not a package URL");
        assertThat(refused("ignore:\n  - id: CVE-2023-4863\n    reason: x\n    purl: pkg:\n")).contains("malformed");
        assertThat(refused("ignore:\n  - id: [CVE-2023-4863]\n    reason: x\n")).contains("'id' must be a single value");
        assertThat(refused("ignore: CVE-2023-4863\n")).contains("'ignore' must be a list of entries");
        assertThat(refused("- id: CVE-2023-4863\n")).contains("expected a mapping with the key 'ignore'");
        assertThat(refused("ignore:\n  - CVE-2023-4863\n")).contains("an ignore entry must be a mapping");
    }

    @Test
    void hostileYamlIsRefusedNotObeyed() {
        assertThat(refused("ignore: [\n  {id: CVE-1, reason: x\n")).contains(".tandem-ignore.yaml: line");
        String deep = "ignore:\n" + "  - id: x\n    reason: " + "[".repeat(500) + "]".repeat(500) + "\n";
        assertThat(refused(deep)).contains(".tandem-ignore.yaml");
        String bomb = """
                a: &a ["x","x","x","x","x","x","x","x","x"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                """;
        assertThat(refused(bomb)).contains(".tandem-ignore.yaml");
        assertThat(refused("ignore:\n  - id: CVE-1\n    reason: " + "x".repeat(300_000) + "\n")).contains("longer than");
    }
}
