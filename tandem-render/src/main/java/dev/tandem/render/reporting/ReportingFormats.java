package dev.tandem.render.reporting;

import dev.tandem.render.Formats;
import dev.tandem.render.html.PageRenderer;
import dev.tandem.render.html.PdfRenderer;
import dev.tandem.usecase.reporting.ComparisonResult;
import dev.tandem.usecase.reporting.ExerciseResult;
import dev.tandem.usecase.reporting.FrameworkListResult;
import dev.tandem.usecase.reporting.FrameworkShowResult;
import dev.tandem.usecase.reporting.ObligationsResult;
import dev.tandem.usecase.reporting.ReportDraftResult;

/** The output formats of every reporting result, by name, default first. */
public final class ReportingFormats {

    /** Obligations: table (default), json, md, html (with the deadline timeline), pdf. */
    public static final Formats<ObligationsResult> OBLIGATIONS = Formats.<ObligationsResult>builder()
            .add("table", new ObligationsTable())
            .add("json", new ObligationsJson())
            .add("md", new ObligationsMarkdown())
            .add("html", new PageRenderer<>(ObligationsPage::of))
            .add("pdf", new PdfRenderer<>(ObligationsPage::of))
            .build();

    /** A report draft: md (default), json, html, pdf. */
    public static final Formats<ReportDraftResult> REPORT_DRAFT = Formats.<ReportDraftResult>builder()
            .add("md", new DraftMarkdown())
            .add("json", new DraftJson())
            .add("html", new PageRenderer<>(DraftPage::of))
            .add("pdf", new PdfRenderer<>(DraftPage::of))
            .build();

    /** The list of frameworks: table (default), json, md. */
    public static final Formats<FrameworkListResult> FRAMEWORK_LIST = Formats.<FrameworkListResult>builder()
            .add("table", new FrameworkListTable())
            .add("json", new FrameworkListJson())
            .add("md", new FrameworkListMarkdown())
            .build();

    /** One framework: md (default), json. */
    public static final Formats<FrameworkShowResult> FRAMEWORK_SHOW = Formats.<FrameworkShowResult>builder()
            .add("md", new FrameworkShowMarkdown())
            .add("json", new FrameworkShowJson())
            .build();

    /** The comparison: md (default), html, csv (the field matrix), json, pdf. */
    public static final Formats<ComparisonResult> COMPARISON = comparison(ComparisonCsv.Table.FIELDS);

    /** An exercise: table (default), json, html. */
    public static final Formats<ExerciseResult> EXERCISE = Formats.<ExerciseResult>builder()
            .add("table", new ExerciseTable())
            .add("json", new ExerciseJson())
            .add("html", new PageRenderer<>(ExercisePage::of))
            .build();

    private ReportingFormats() {
    }

    /** The comparison's formats, with {@code csv} writing the given table. */
    public static Formats<ComparisonResult> comparison(ComparisonCsv.Table csv) {
        return Formats.<ComparisonResult>builder()
                .add("md", new ComparisonMarkdown())
                .add("html", new PageRenderer<>(ComparisonPage::of))
                .add("csv", new ComparisonCsv(csv))
                .add("json", new ComparisonJson())
                .add("pdf", new PdfRenderer<>(ComparisonPage::of))
                .build();
    }
}
