package dev.tandem.conformity.catalog;

import dev.tandem.catalog.Confidence;
import java.util.List;

/**
 * A legal presumption between two catalogs: a rule of law, not a relationship by content. When every
 * assessed requirement of {@code from} is met (or not applicable) and the profile asks for {@code scope},
 * the {@code targets} of {@code to} are presumed met, under the {@code conditions} the law adds and never
 * for what it leaves out ({@code notCovered}). CRA Article 12 is the one the bundle holds.
 */
public record Presumption(String id, String title, String source, Confidence confidence, String scope, String from,
        String to, List<String> targets, List<String> conditions, String notCovered) {

    public Presumption {
        targets = List.copyOf(targets);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** The file {@code conformity/presumptions.yaml}. */
    public record File(List<Presumption> presumptions) {
        public File {
            presumptions = presumptions == null ? List.of() : List.copyOf(presumptions);
        }
    }
}
