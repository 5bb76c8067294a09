package dev.tandem.render.pqc;

import dev.tandem.render.Formats;
import dev.tandem.render.html.PageRenderer;
import dev.tandem.usecase.pqc.PqcPlanResult;

/** The formats of a post-quantum plan, default first. */
public final class PqcFormats {

    /** {@code table} (default), {@code json}, {@code md} and {@code html}. */
    public static final Formats<PqcPlanResult> PLAN = Formats.<PqcPlanResult>builder()
            .add("table", new PqcTableRenderer())
            .add("json", new PqcJsonRenderer())
            .add("md", new PqcMarkdownRenderer())
            .add("html", new PageRenderer<>(PqcPage::of))
            .build();

    private PqcFormats() {
    }
}
