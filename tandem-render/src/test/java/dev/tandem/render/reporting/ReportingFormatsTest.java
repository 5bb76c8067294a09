package dev.tandem.render.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.render.Formats;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.reporting.ComparisonResult;
import dev.tandem.usecase.reporting.FrameworkListResult;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportingFormatsTest {

    /** A reviewer's folder whose name Markdown and HTML would otherwise misread. */
    private static final CatalogFingerprint REVIEWED = new CatalogFingerprint("2026.12.1", "0123456789ab".repeat(5) + "cdef",
            "/home/rev/my_catalog <draft>");

    @Test
    void theFormatNamesAndDefaultsOfEveryCommandStayAsTheyWere() {
        assertThat(ReportingFormats.OBLIGATIONS.names()).containsExactly("table", "json", "md", "html", "pdf");
        assertThat(ReportingFormats.REPORT_DRAFT.names()).containsExactly("md", "json", "html", "pdf");
        assertThat(ReportingFormats.FRAMEWORK_LIST.names()).containsExactly("table", "json", "md");
        assertThat(ReportingFormats.FRAMEWORK_SHOW.names()).containsExactly("md", "json");
        assertThat(ReportingFormats.COMPARISON.names()).containsExactly("md", "html", "csv", "json", "pdf");
        assertThat(ReportingFormats.COMPARISON.find("pdf").orElseThrow().mediaType()).isEqualTo("application/pdf");
        assertThat(ReportingFormats.EXERCISE.names()).containsExactly("table", "json", "html");
        assertThat(ReportingFormats.REPORT_DRAFT.find("html").orElseThrow().mediaType()).isEqualTo("text/html");
        assertThat(ReportingFormats.COMPARISON.find("CSV").orElseThrow().mediaType()).isEqualTo("text/csv");
        assertThat(ReportingFormats.OBLIGATIONS.find("json").orElseThrow().mediaType()).isEqualTo("application/json");
    }

    @Test
    void theCatalogLineSurvivesAFolderNameWithMarkupInIt() {
        FrameworkListResult list = new FrameworkListResult(LocalDate.of(2026, 12, 1), List.of(), REVIEWED);
        assertThat(text(ReportingFormats.FRAMEWORK_LIST, "table", list))
                .endsWith("\nCatalog: 2026.12.1 (sha256:0123456789ab, /home/rev/my_catalog <draft>)\n");
        assertThat(text(ReportingFormats.FRAMEWORK_LIST, "md", list))
                .endsWith("\n_Catalog: 2026.12.1 (sha256:0123456789ab, /home/rev/my\\_catalog <draft>)_\n");
        assertThat(text(ReportingFormats.FRAMEWORK_LIST, "json", list))
                .contains("\"sha256\" : \"" + REVIEWED.sha256() + "\"").contains("\"origin\" : \"/home/rev/my_catalog <draft>\"");
        ComparisonResult empty = new ComparisonResult(LocalDate.of(2026, 12, 1), List.of(), List.of(), List.of(), List.of(), REVIEWED);
        assertThat(text(ReportingFormats.COMPARISON, "html", empty))
                .contains("from catalog 2026.12.1 (sha256:0123456789ab, /home/rev/my_catalog &lt;draft&gt;).")
                .contains("from /home/rev/my_catalog &lt;draft&gt;");
    }

    @Test
    void csvStaysPlainRowsWithoutTheFingerprint() {
        ComparisonResult empty = new ComparisonResult(LocalDate.of(2026, 12, 1), List.of(), List.of(), List.of(), List.of(), REVIEWED);
        assertThat(text(ReportingFormats.comparison(ComparisonCsv.Table.FIELDS), "csv", empty)).isEqualTo("field,label\n");
        assertThat(text(ReportingFormats.comparison(ComparisonCsv.Table.TIMING), "csv", empty))
                .isEqualTo("framework,jurisdiction,stage,kind,period,basis,clock_start,first_report,in_force,source,confidence\n");
        assertThat(ComparisonCsv.csv("=SUM(A1)")).isEqualTo("'=SUM(A1)");
        assertThat(ComparisonCsv.csv("a, \"b\"")).isEqualTo("\"a, \"\"b\"\"\"");
    }

    @SuppressWarnings("unchecked")
    private static <M> String text(Formats<M> formats, String name, M model) {
        return ((TextRenderer<M>) formats.find(name).orElseThrow()).text(model);
    }
}
