package dev.tandem.render.conformity;

import dev.tandem.render.Formats;
import dev.tandem.render.html.PageRenderer;
import dev.tandem.render.html.PdfRenderer;
import dev.tandem.usecase.conformity.AssessResult;
import dev.tandem.usecase.conformity.CatalogListResult;
import dev.tandem.usecase.conformity.CatalogShowResult;
import dev.tandem.usecase.conformity.CrosswalkResult;
import dev.tandem.usecase.conformity.AttestationResult;
import dev.tandem.usecase.conformity.DeclarationResult;
import dev.tandem.usecase.conformity.LabelResult;
import dev.tandem.usecase.conformity.RegistryEntryResult;

/** The output formats of every conformity result, default first. */
public final class ConformityFormats {

    /** The catalogs of the knowledge base. */
    public static final Formats<CatalogListResult> CATALOG_LIST = Formats.<CatalogListResult>builder()
            .add("table", new CatalogListTable())
            .add("json", new CatalogListJson())
            .add("html", new PageRenderer<>(CatalogPages::list))
            .build();

    /** One catalog; {@code oscal} is an OSCAL 1.1.3 catalog. */
    public static final Formats<CatalogShowResult> CATALOG_SHOW = Formats.<CatalogShowResult>builder()
            .add("table", new CatalogShowTable())
            .add("json", new CatalogShowJson())
            .add("md", new CatalogShowMarkdown())
            .add("oscal", new CatalogShowOscal())
            .add("html", new PageRenderer<>(CatalogPages::show))
            .build();

    /** One crosswalk; {@code oscal} is an OSCAL 1.2 mapping collection. */
    public static final Formats<CrosswalkResult> CROSSWALK = Formats.<CrosswalkResult>builder()
            .add("table", new CrosswalkTable())
            .add("json", new CrosswalkJson())
            .add("md", new CrosswalkMarkdown())
            .add("oscal", new CrosswalkOscal())
            .add("html", new PageRenderer<>(CatalogPages::crosswalk))
            .build();

    /** An assessment. */
    public static final Formats<AssessResult> ASSESSMENT = Formats.<AssessResult>builder()
            .add("table", new AssessmentTable())
            .add("json", new AssessmentJson())
            .add("md", new AssessmentMarkdown())
            .add("html", new PageRenderer<>(AssessmentPage::of))
            .add("pdf", new PdfRenderer<>(AssessmentPage::of))
            .build();

    /** The draft declaration of conformity. */
    public static final Formats<DeclarationResult> DECLARATION = Formats.<DeclarationResult>builder()
            .add("md", new ProfileDocumentMarkdown<>())
            .add("html", new PageRenderer<>(DeclarationPage::of))
            .add("pdf", new PdfRenderer<>(DeclarationPage::of))
            .build();

    /** The draft CISA Secure Software Development Attestation Form. */
    public static final Formats<AttestationResult> ATTESTATION = Formats.<AttestationResult>builder()
            .add("md", new ProfileDocumentMarkdown<>())
            .add("html", new PageRenderer<>(AttestationPage::of))
            .add("pdf", new PdfRenderer<>(AttestationPage::of))
            .build();

    /** The CTA-2120 registry entry. */
    public static final Formats<RegistryEntryResult> REGISTRY_ENTRY = Formats.<RegistryEntryResult>builder()
            .add("json", new RegistryEntryJson())
            .build();

    /** The label draft; front ends write all three (label.svg, label.png, label.txt). */
    public static final Formats<LabelResult> LABEL = Formats.<LabelResult>builder()
            .add("svg", new LabelSvg())
            .add("png", new LabelPng())
            .add("txt", new LabelText())
            .build();

    private ConformityFormats() {
    }
}
