package dev.tandem.usecase.scan;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.advisory.nvd.CveRecord;
import dev.tandem.advisory.nvd.CveRecordLoad;
import dev.tandem.advisory.nvd.CveRecordLoader;
import dev.tandem.input.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the NVD and CVE records the scan and the snapshot build share, and the warnings they give. */
final class CveRecords {

    private CveRecords() {
    }

    static CveRecordLoad load(CveInput input) throws InputException {
        LoadOptions options = input.lenient() ? LoadOptions.lenient() : LoadOptions.strict();
        return switch (input) {
            case CveInput.Paths paths -> CveRecordLoader.load(paths.paths(), options, paths.listener());
            case CveInput.Documents documents -> documents.documents().isEmpty()
                    ? new CveRecordLoad(List.of(), List.of(), 0)
                    : CveRecordLoader.read(documents.documents(), options);
        };
    }

    /** The OSV advisories and the records' advisories, for one database. */
    static List<Advisory> advisories(List<Advisory> osv, CveRecordLoad records) {
        if (records.records().isEmpty()) {
            return osv;
        }
        List<Advisory> all = new ArrayList<>(osv.size() + records.records().size());
        all.addAll(osv);
        records.records().forEach(record -> all.add(record.advisory()));
        return all;
    }

    /**
     * The records a lenient load skipped, the files it did not read, and what of the records could
     * not be used, each kind of note once with the number of records it concerns.
     */
    static List<String> warnings(CveRecordLoad load) {
        List<String> warnings = new ArrayList<>();
        load.problems().forEach(problem -> warnings.add("skipped NVD or CVE record: " + problem.getMessage()));
        if (load.skippedFiles() > 0) {
            warnings.add(load.skippedFiles() + " file(s) under the NVD and CVE record paths are not JSON and were not read");
        }
        Map<String, List<String>> notes = new LinkedHashMap<>();
        for (CveRecord record : load.records()) {
            for (String note : record.notes()) {
                notes.computeIfAbsent(note, n -> new ArrayList<>()).add(record.id());
            }
        }
        notes.forEach((note, ids) -> warnings.add(note + " (" + (ids.size() == 1 ? ids.get(0)
                : ids.size() + " records, such as " + ids.get(0)) + ")"));
        return warnings;
    }
}
