package dev.tandem.pqc.classification;

import dev.tandem.pqc.Classification;
import dev.tandem.pqc.catalog.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/** The catalog's answer for one algorithm (or the worst of several, for a certificate or protocol). */
record AlgorithmVerdict(String label, String family, String parameter, String use, Classification classification,
        String tier, boolean broken, boolean cnsa, boolean hybrid, Integer nistCategory, String reason,
        String replacement, Evidence evidence, List<Source> sources, List<String> notes) {

    private static final List<String> TIER_ORDER = List.of("broken", "112", "128");

    /** The combined verdict of the parts: worst classification, earliest tier, any part broken. */
    static AlgorithmVerdict worstOf(List<AlgorithmVerdict> parts, String use, String what) {
        AlgorithmVerdict worst = parts.stream()
                .max(Comparator.comparingInt((AlgorithmVerdict v) -> v.classification().ordinal()))
                .orElseThrow();
        String tier = parts.stream().filter(v -> v.classification() == Classification.QUANTUM_VULNERABLE)
                .map(AlgorithmVerdict::tier).filter(t -> t != null)
                .min(Comparator.comparingInt(TIER_ORDER::indexOf)).orElse(null);
        LinkedHashSet<Source> sources = new LinkedHashSet<>();
        LinkedHashSet<String> notes = new LinkedHashSet<>();
        List<String> labels = new ArrayList<>();
        for (AlgorithmVerdict part : parts) {
            sources.addAll(part.sources());
            notes.addAll(part.notes());
            labels.add(part.label() + " (" + part.classification().id() + ")");
        }
        boolean broken = parts.stream().anyMatch(AlgorithmVerdict::broken);
        String reason = what + ": " + String.join(", ", labels) + "; worst: " + worst.reason();
        Evidence evidence = parts.stream().anyMatch(p -> p.evidence() != Evidence.CBOM)
                ? Evidence.CBOM_DECLARED_LEVEL : Evidence.CBOM;
        return new AlgorithmVerdict(worst.label(), worst.family(), worst.parameter(), use, worst.classification(), tier,
                broken, parts.stream().allMatch(AlgorithmVerdict::cnsa), parts.stream().anyMatch(AlgorithmVerdict::hybrid),
                worst.nistCategory(), reason, null, evidence, List.copyOf(sources), List.copyOf(notes));
    }
}
