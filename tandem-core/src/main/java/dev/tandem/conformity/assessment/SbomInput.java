package dev.tandem.conformity.assessment;

import dev.tandem.sbom.quality.SbomFacts;
import dev.tandem.ai.AiComponent;
import java.util.List;
import java.util.Objects;

/** One SBOM a profile references, as the assessor takes it: its facts, or why there are none. */
public sealed interface SbomInput permits SbomInput.Facts, SbomInput.Unreadable {

    /** The SBOM was read and parsed; {@code ai} are the models and datasets it lists. */
    record Facts(SbomFacts facts, List<AiComponent> ai) implements SbomInput {
        public Facts {
            Objects.requireNonNull(facts, "facts");
            ai = ai == null ? List.of() : List.copyOf(ai);
        }

        /** An SBOM that lists no AI components. */
        public Facts(SbomFacts facts) {
            this(facts, List.of());
        }
    }

    /** The SBOM could not be read or parsed; {@code problem} says why, without the file name. */
    record Unreadable(String problem) implements SbomInput {
        public Unreadable {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
