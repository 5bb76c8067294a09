package dev.tandem.render.conformity;

import dev.tandem.catalog.CatalogFingerprint;
import dev.tandem.usecase.Provenance;
import java.util.List;
import java.util.Locale;

/**
 * Where a Markdown document comes from, with what the HTML and PDF header show: when it was generated and
 * for which moment, the Tandem that made it, the knowledge base (its version, origin and SHA-256, the
 * rules' source), and every input with its SHA-256 and size.
 */
final class ProvenanceMarkdown {

    private ProvenanceMarkdown() {
    }

    /** The block, a heading and its facts then the inputs table, followed by a blank line. */
    static String render(Provenance provenance) {
        StringBuilder md = new StringBuilder("## Where this document comes from\n\n");
        md.append("- Generated: ").append(provenance.generatedAt() == null ? "not recorded" : provenance.generatedAt() + " (UTC)")
                .append('\n');
        if (provenance.evaluatedAt() != null) {
            md.append("- Evaluated as of: ").append(DocumentMarkdown.inline(provenance.evaluatedAt()))
                    .append(provenance.evaluatedAt().endsWith("Z") ? " (UTC)" : "").append('\n');
        }
        md.append("- Produced by: Tandem ").append(DocumentMarkdown.inline(provenance.tandemVersion())).append('\n');
        CatalogFingerprint catalog = provenance.catalog();
        if (catalog != null) {
            md.append("- Knowledge base: catalog ").append(DocumentMarkdown.inline(catalog.version())).append(" (")
                    .append("bundled".equals(catalog.origin()) ? "bundled with Tandem" : "from " + DocumentMarkdown.inline(catalog.origin()))
                    .append("), SHA-256 `").append(catalog.sha256()).append("`\n");
        }
        md.append('\n');
        if (!provenance.inputs().isEmpty()) {
            md.append(DocumentMarkdown.row(List.of("File", "Role", "SHA-256", "Bytes"))).append("|---|---|---|---:|\n");
            for (Provenance.Input input : provenance.inputs()) {
                md.append(DocumentMarkdown.row(List.of(input.name(), input.role(),
                        input.sha256() == null ? "not one file (not hashed)" : input.sha256(),
                        input.bytes() < 0 ? "" : String.format(Locale.ROOT, "%,d", input.bytes()))));
            }
            md.append('\n');
        }
        return md.toString();
    }
}
