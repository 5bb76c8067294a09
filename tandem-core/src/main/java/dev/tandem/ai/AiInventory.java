package dev.tandem.ai;

import dev.tandem.sbom.Component;
import dev.tandem.sbom.Hash;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomDetails;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The AI components of one SBOM: every component of type {@code machine-learning-model} or {@code data}
 * (CycloneDX 1.5 and later), with what the document says of its provenance, hashes and model card, and
 * flags for what is missing. Provenance needs both sides: who supplied it (supplier, publisher or author)
 * and where it came from (a purl, a pedigree, or a {@code vcs}, {@code distribution},
 * {@code distribution-intake}, {@code source-distribution} or {@code website} reference). SPDX 2.3 cannot
 * mark a package as a model, so its documents list no AI components.
 */
public final class AiInventory {

    /** External reference types that say where a model or dataset can be obtained from. */
    static final Set<String> ORIGIN_REFERENCES = Set.of("vcs", "distribution", "distribution-intake",
            "source-distribution", "website");

    private AiInventory() {
    }

    /** True when the SBOM lists any AI component: only then are its details worth reading. */
    public static boolean hasAiComponents(Sbom sbom) {
        return sbom.components().stream().anyMatch(Component::isAi);
    }

    /**
     * The AI components of {@code sbom}, in document order. {@code details} are the document's details
     * (one per component), or null when only the model is known: model cards and references are then
     * not read, and a model is flagged only for what the model itself shows.
     */
    public static List<AiComponent> of(Sbom sbom, SbomDetails details) {
        Map<String, Component> byRef = new HashMap<>();
        for (Component c : sbom.components()) {
            if (!c.bomRef().isEmpty()) {
                byRef.putIfAbsent(c.bomRef(), c);
            }
        }
        List<AiComponent> inventory = new ArrayList<>();
        for (int i = 0; i < sbom.components().size(); i++) {
            Component c = sbom.components().get(i);
            if (!c.isAi()) {
                continue;
            }
            SbomDetails.ComponentDetails d = details == null ? null : details.components().get(i);
            inventory.add(component(sbom.source(), c, d, byRef));
        }
        return inventory;
    }

    private static AiComponent component(String sbom, Component c, SbomDetails.ComponentDetails d,
            Map<String, Component> byRef) {
        AiKind kind = c.type().equals(Component.MACHINE_LEARNING_MODEL) ? AiKind.MODEL : AiKind.DATASET;
        List<AiFlag> flags = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        String origin = origin(c, d);
        List<String> provenance = new ArrayList<>();
        if (!c.supplier().isEmpty()) {
            provenance.add("supplier " + c.supplier());
        }
        if (!origin.isEmpty()) {
            provenance.add("origin " + origin);
        }
        if (c.supplier().isEmpty() || origin.isEmpty()) {
            flags.add(AiFlag.NO_PROVENANCE);
            List<String> missing = new ArrayList<>();
            if (c.supplier().isEmpty()) {
                missing.add("who supplied it (supplier, publisher or author)");
            }
            if (origin.isEmpty()) {
                missing.add(d == null ? "where it came from (a purl; the document's references and pedigree were not read)"
                        : "where it came from (a purl, a pedigree, or a vcs, distribution or website reference)");
            }
            findings.add("no provenance: the SBOM does not say " + String.join(" or ", missing));
        }
        if (c.hashes().isEmpty()) {
            flags.add(AiFlag.NO_HASHES);
            findings.add("no hashes: the " + (kind == AiKind.MODEL ? "model file" : "dataset")
                    + " deployed cannot be checked against the one listed");
        }
        AiComponent.ModelCardFacts card = null;
        List<String> datasets = new ArrayList<>();
        if (kind == AiKind.MODEL) {
            SbomDetails.ModelCard modelCard = d == null ? null : d.modelCard();
            if (modelCard == null) {
                flags.add(AiFlag.NO_MODEL_CARD);
                findings.add(d == null ? "model card not read: only the SBOM model was given"
                        : "no model card: its task, training data, performance and limitations are not documented");
            } else {
                card = new AiComponent.ModelCardFacts(modelCard.task(), modelCard.architecture(),
                        modelCard.quantitativeAnalysis(), modelCard.considerations());
                for (SbomDetails.DatasetReference dataset : modelCard.datasets()) {
                    Component data = dataset.ref().isEmpty() ? null : byRef.get(dataset.ref());
                    datasets.add(data != null ? label(data) : dataset.ref().isEmpty() ? dataset.name() : dataset.ref());
                }
            }
        }
        return new AiComponent(sbom, kind, c.bomRef(), c.name(), c.version(), c.purl(), c.supplier(),
                c.hashes().stream().map(Hash::algorithm).distinct().toList(), card, datasets,
                String.join("; ", provenance), flags, findings);
    }

    /** Where the component came from, by the strongest statement the document makes; "" when none. */
    private static String origin(Component c, SbomDetails.ComponentDetails d) {
        if (!c.purl().isEmpty()) {
            return "purl " + c.purl();
        }
        if (d == null) {
            return "";
        }
        if (d.pedigree()) {
            return "pedigree";
        }
        for (SbomDetails.Reference ref : d.references()) {
            if (ORIGIN_REFERENCES.contains(ref.type()) && !ref.url().isBlank()) {
                return ref.type() + " " + ref.url();
            }
        }
        return "";
    }

    private static String label(Component c) {
        return c.version().isEmpty() ? c.name() : c.name() + "@" + c.version();
    }
}
