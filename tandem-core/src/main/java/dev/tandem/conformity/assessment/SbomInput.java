package dev.tandem.conformity.assessment;

import dev.tandem.sbom.quality.SbomFacts;
import java.util.Objects;

/** One SBOM a profile references, as the assessor takes it: its facts, or why there are none. */
public sealed interface SbomInput permits SbomInput.Facts, SbomInput.Unreadable {

    /** The SBOM was read and parsed. */
    record Facts(SbomFacts facts) implements SbomInput {
        public Facts {
            Objects.requireNonNull(facts, "facts");
        }
    }

    /** The SBOM could not be read or parsed; {@code problem} says why, without the file name. */
    record Unreadable(String problem) implements SbomInput {
        public Unreadable {
            Objects.requireNonNull(problem, "problem");
        }
    }
}
