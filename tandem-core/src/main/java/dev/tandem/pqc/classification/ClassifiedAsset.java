package dev.tandem.pqc.classification;

import dev.tandem.pqc.Classification;
import dev.tandem.pqc.catalog.Source;
import java.util.List;

/**
 * One asset with its classification and why: the family and parameter the catalog matched, the
 * NIST IR 8547 tier for quantum-vulnerable assets, and the sources behind the answer.
 *
 * @param tier "112", "128" or "broken" for quantum-vulnerable assets (null otherwise)
 * @param replacement a replacement the catalog names for this family or parameter set, or null
 *        when the replacement follows from the use
 */
public record ClassifiedAsset(String product, String source, String pointer, String bomRef, String name,
        String assetType, Evidence evidence, String family, String parameter, String use,
        Classification classification, String tier, boolean broken, boolean cnsaCompliant, boolean hybrid,
        Integer nistCategory, String reason, String replacement, List<Source> sources, List<String> notes) {

    public ClassifiedAsset {
        sources = List.copyOf(sources);
        notes = List.copyOf(notes);
    }
}
