package dev.tandem.advisory;

import dev.tandem.input.InputLimits;
import java.util.Objects;

/**
 * How {@link AdvisoryLoader} treats bad records: strict (the first bad record stops the load with
 * an {@link dev.tandem.input.InputException}) or lenient (bad records are collected as
 * {@link AdvisoryLoad#problems() problems}, never silently dropped); and the size limits applied.
 */
public record LoadOptions(boolean collectProblems, InputLimits limits) {

    public LoadOptions {
        Objects.requireNonNull(limits, "limits");
    }

    /** Stop at the first bad record (the default). */
    public static LoadOptions strict() {
        return new LoadOptions(false, InputLimits.DEFAULT);
    }

    /** Collect bad records as problems and keep loading. */
    public static LoadOptions lenient() {
        return new LoadOptions(true, InputLimits.DEFAULT);
    }

    public LoadOptions withLimits(InputLimits newLimits) {
        return new LoadOptions(collectProblems, newLimits);
    }

    /** True for a lenient load (problems collected instead of thrown). */
    public boolean isLenient() {
        return collectProblems;
    }
}
