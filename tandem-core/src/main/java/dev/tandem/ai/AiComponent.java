package dev.tandem.ai;

import java.util.List;
import java.util.Objects;

/**
 * One machine-learning model or dataset an SBOM lists.
 *
 * @param sbom           the SBOM it was read from (its source name)
 * @param bomRef         its bom-ref, "" when the document gives none
 * @param supplier       who supplied it (supplier, publisher or author), "" when not said
 * @param hashAlgorithms the algorithms of its hashes, empty when it has none
 * @param modelCard      for a model, its card's facts; null when it has none or for a dataset
 * @param datasets       for a model, the datasets its card names (a data component's name and version when
 *                       the card refers to one of the document, else the reference or inline name as written)
 * @param provenance     what the document says of its origin ("supplier …; origin …"), "" when nothing
 * @param flags          what is missing, in the order of {@link AiFlag}
 * @param findings       one sentence per flag, saying what exactly is missing
 */
public record AiComponent(String sbom, AiKind kind, String bomRef, String name, String version, String purl,
        String supplier, List<String> hashAlgorithms, ModelCardFacts modelCard, List<String> datasets,
        String provenance, List<AiFlag> flags, List<String> findings) {

    public AiComponent {
        Objects.requireNonNull(sbom, "sbom");
        Objects.requireNonNull(kind, "kind");
        hashAlgorithms = List.copyOf(hashAlgorithms);
        datasets = List.copyOf(datasets);
        flags = List.copyOf(flags);
        findings = List.copyOf(findings);
    }

    /** The same component, named as read from another source (e.g. the path a product profile gives). */
    public AiComponent withSbom(String otherSbom) {
        return new AiComponent(otherSbom, kind, bomRef, name, version, purl, supplier, hashAlgorithms, modelCard, datasets,
                provenance, flags, findings);
    }

    /** A short label: name@version, or the purl when it has no name. */
    public String label() {
        if (name.isEmpty()) {
            return purl.isEmpty() ? bomRef : purl;
        }
        return version.isEmpty() ? name : name + "@" + version;
    }

    /** True when the inventory flags nothing. */
    public boolean clean() {
        return flags.isEmpty();
    }

    /**
     * What a model card says, as the inventory reports it.
     *
     * @param task                 the model's task, "" when not said
     * @param architecture         its architecture, "" when not said
     * @param quantitativeAnalysis performance metrics are given
     * @param considerations       users, use cases, limitations or ethical considerations are given
     */
    public record ModelCardFacts(String task, String architecture, boolean quantitativeAnalysis,
            boolean considerations) {
    }
}
