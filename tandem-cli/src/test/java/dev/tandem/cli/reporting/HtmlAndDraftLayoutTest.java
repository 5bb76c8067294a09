package dev.tandem.cli.reporting;

import dev.tandem.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Every HTML page is one self-contained file; the exercise chart is well-formed SVG; draft notices nest lists. */
class HtmlAndDraftLayoutTest {

    private static final Pattern EXTERNAL = Pattern.compile(
            "(?i)<script|<link\\b|<iframe|<object|<embed|@import|url\\(|\\bsrc\\s*=\\s*[\"']?(?:https?:)?//");

    private static void assertSelfContained(CliRun run) {
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        Matcher external = EXTERNAL.matcher(run.out());
        assertThat(external.find()).as("external resource: %s", external.find(0) ? external.group() : "").isFalse();
    }

    @Test
    void reportComparisonAndExercisePagesLoadNothingFromOutside() {
        assertSelfContained(CliRun.of("report", "--incident", ObligationsCommandTest.ROUTER, "--framework", "eu-cra-vulnerability",
                "--stage", "notification", "--at", "2026-11-21T12:00:00Z", "--format", "html"));
        assertSelfContained(CliRun.of("frameworks", "compare", "--format", "html", "--on", "2026-11-22"));
        assertSelfContained(CliRun.of("exercise", "../examples/scenarios/ransomware-energy-eu-us.yaml", "--format", "html",
                "--shift", "materialityDeterminedAt=P2D"));
    }

    @Test
    void exerciseTimelinesHaveALanePerObligationAndShapesForOutcomes() throws Exception {
        CliRun run = CliRun.of("exercise", "../examples/scenarios/bank-personal-data-breach.yaml", "--format", "html");
        assertThat(run.exit()).isZero();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document page = factory.newDocumentBuilder().parse(new InputSource(new StringReader(run.out())));
        assertThat(page.getDocumentElement().getAttribute("lang")).isEqualTo("en");
        assertThat(run.out()).contains("<table class=\"timeline\">").contains("The first 72 hours after")
                .contains("EU DORA: major ICT-related incident").contains("Scenario events")
                .containsPattern("class=\"glyph shape-(met|late|missed|open)\"");
    }

    @Test
    void aListValueInTheUserNoticeIsANestedBlockNotGluedToItsLabel() {
        CliRun run = CliRun.of("report", "--incident", ObligationsCommandTest.ROUTER, "--framework", "eu-cra-vulnerability",
                "--stage", "notification", "--at", "2026-11-21T12:00:00Z");
        assertThat(run.out()).contains("- **Affected product(s) with digital elements**:\n\n  - name: HX-200 home router\n")
                .doesNotContain("**: - name:");
    }

    @Test
    void theTimingTableNamesTheTimeBasisOfEveryStage() {
        CliRun run = CliRun.of("frameworks", "compare", "--frameworks", "eu-nis2,us-sec-8k", "--on", "2026-11-22");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("| period | time basis | clock start |")
                .contains("| us-sec-8k | form-8k | notification | 4 business days | business days | materialityDeterminedAt |")
                .contains("| eu-nis2 | final-report | final-report | 1 calendar month | calendar months | submission of notification |");
    }
}
