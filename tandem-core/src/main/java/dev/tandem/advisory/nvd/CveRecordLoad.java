package dev.tandem.advisory.nvd;

import dev.tandem.input.InputException;
import java.util.List;

/**
 * What {@link CveRecordLoader} read: the records in load order (rejected ones included, flagged by
 * {@link CveRecord#isRejected()}), the bad records of a lenient load, and the files or entries
 * skipped because they are not JSON.
 */
public record CveRecordLoad(List<CveRecord> records, List<InputException> problems, long skippedFiles) {

    public CveRecordLoad {
        records = List.copyOf(records);
        problems = List.copyOf(problems);
    }
}
