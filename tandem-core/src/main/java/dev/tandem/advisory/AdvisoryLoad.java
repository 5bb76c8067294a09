package dev.tandem.advisory;

import dev.tandem.input.InputException;
import java.util.List;

/**
 * What {@link AdvisoryLoader#load} read: the advisories in a stable order (paths as given,
 * directory entries sorted, archive entries in archive order), the bad records of a lenient load,
 * the files or entries skipped because they are not JSON/YAML, and how many advisories are withdrawn
 * (they are included in {@code advisories}, flagged by {@link Advisory#isWithdrawn()}).
 */
public record AdvisoryLoad(List<Advisory> advisories, List<InputException> problems, long skippedFiles,
        long withdrawn) {

    public AdvisoryLoad {
        advisories = List.copyOf(advisories);
        problems = List.copyOf(problems);
    }
}
