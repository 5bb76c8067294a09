package dev.tandem.render.vex;

import dev.tandem.csaf.CsafDocument;
import dev.tandem.render.html.Block;
import dev.tandem.render.html.LegalSources;
import dev.tandem.render.html.Legends;
import dev.tandem.render.html.Page;
import dev.tandem.render.html.Section;
import dev.tandem.render.html.Text;
import dev.tandem.render.html.Tone;
import dev.tandem.usecase.Provenance;
import dev.tandem.usecase.vex.UserNoticeResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CRA Art. 14(8) user notice as a document of the shared design (docs/documents.md): per actively
 * exploited vulnerability, the products affected and fixed and what users must do; the legal text quoted
 * from the catalog with its source and confidence. Drawn from the same CSAF document as the JSON.
 */
final class UserNoticePage {

    private UserNoticePage() {
    }

    static Page of(UserNoticeResult result) {
        CsafDocument csaf = result.advisory().document();
        CsafDocument.Document document = csaf.document();
        CsafDocument.Tracking tracking = document.tracking();
        Map<String, String> names = names(csaf.productTree());
        List<Section> sections = new ArrayList<>();
        if (csaf.vulnerabilities().isEmpty()) {
            sections.add(Section.of("Vulnerabilities", new Block.Paragraph(Text.of(
                    "No actively exploited vulnerability affects these products."))));
        }
        for (CsafDocument.Vulnerability vulnerability : csaf.vulnerabilities()) {
            String id = vulnerability.cve() != null ? vulnerability.cve() : vulnerability.ids().get(0).text();
            List<Block> blocks = new ArrayList<>();
            vulnerability.threats().stream().filter(t -> t.category().equals("exploit_status"))
                    .forEach(t -> blocks.add(new Block.Notice(Tone.BAD, "Actively exploited", Text.of(t.details()))));
            CsafDocument.ProductStatus status = vulnerability.productStatus();
            products(blocks, "Affected", status.knownAffected(), names);
            products(blocks, "Under investigation", status.underInvestigation(), names);
            products(blocks, "Fixed in", status.fixed(), names);
            blocks.add(new Block.Heading("What you must do"));
            if (vulnerability.remediations().isEmpty()) {
                blocks.add(new Block.Paragraph(Text.of("No remediation is published yet; this notice will be updated.")));
            } else {
                List<Text> items = new ArrayList<>();
                for (CsafDocument.Remediation remediation : vulnerability.remediations()) {
                    items.add(Text.of(remediation.details()).plain(" ").muted("(" + remediation.category().replace('_', ' ')
                            + ")"));
                }
                blocks.add(new Block.Bullets(items));
            }
            sections.add(Section.of(id + (vulnerability.title() == null ? "" : ": " + vulnerability.title()), blocks));
        }
        sections.add(Section.of("Why you receive this notice",
                new Block.Paragraph(Text.of(result.notice().text())),
                new Block.Paragraph(Text.of("Source: ").append(LegalSources.link(result.notice().source())).plain(" ")
                        .append(Legends.tag(result.notice().confidence()))),
                new Block.Paragraph(Text.of("The machine-readable form of this notice is the CSAF document ")
                        .code(result.advisory().fileName()).plain("."))));
        Text summary = Text.of(document.publisher().name() + " · ").code(tracking.id())
                .plain(" version " + tracking.version() + " · " + tracking.currentReleaseDate() + " · status " + tracking.status());
        String draft = "draft".equals(tracking.status())
                ? "The CSAF document of this notice has the status draft: check it, and publish it as final, before users rely on it."
                : null;
        Provenance scanned = result.advisory().scan().provenance();
        Provenance provenance = new Provenance(scanned.generatedAt(), scanned.evaluatedAt(), scanned.tandemVersion(),
                result.catalog(), inputs(scanned.inputs()));
        return new Page("Notice to users (CRA Art. 14(8))", document.title(), summary, draft, provenance, sections,
                Legends.confidence(Set.of(result.notice().confidence())));
    }

    /**
     * The scan's inputs, its statements named once per document: the scan names each statement by its
     * source ({@code decisions.yaml:15}), which lists one document many times.
     */
    private static List<Provenance.Input> inputs(List<Provenance.Input> inputs) {
        List<Provenance.Input> kept = new ArrayList<>();
        Set<String> documents = new java.util.HashSet<>();
        for (Provenance.Input input : inputs) {
            if (input.role().equals("triage statements")) {
                String document = input.name().replaceFirst(":[0-9]+$", "");
                if (documents.add(document)) {
                    kept.add(Provenance.Input.named("triage decisions or VEX", document));
                }
            } else {
                kept.add(input);
            }
        }
        return kept;
    }

    private static void products(List<Block> blocks, String heading, List<String> ids, Map<String, String> names) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        blocks.add(new Block.Heading(heading));
        blocks.add(new Block.Bullets(ids.stream().map(id -> Text.of(names.getOrDefault(id, id))).toList()));
    }

    /** Product id to name, for every product of the tree. */
    private static Map<String, String> names(CsafDocument.ProductTree tree) {
        Map<String, String> names = new HashMap<>();
        List<CsafDocument.Branch> pending = new ArrayList<>(tree.branches());
        while (!pending.isEmpty()) {
            CsafDocument.Branch branch = pending.remove(pending.size() - 1);
            if (branch.product() != null) {
                names.put(branch.product().productId(), branch.product().name());
            }
            pending.addAll(branch.branches());
        }
        tree.fullProductNames().forEach(p -> names.put(p.productId(), p.name()));
        tree.relationships().forEach(r -> names.put(r.fullProductName().productId(), r.fullProductName().name()));
        return names;
    }
}
