package dev.tandem.usecase.scan;

import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.AdvisoryLoader;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.KevReader;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import java.util.ArrayList;
import java.util.List;

/** Reading the OSV and KEV inputs the scan and the snapshot build share, and the warnings a lenient load gives. */
final class OsvAdvisories {

    private OsvAdvisories() {
    }

    static AdvisoryLoad load(AdvisoryInput.Osv input) throws InputException {
        LoadOptions options = input.lenient() ? LoadOptions.lenient() : LoadOptions.strict();
        return switch (input) {
            case AdvisoryInput.Paths paths -> AdvisoryLoader.load(paths.paths(), options, paths.listener());
            case AdvisoryInput.Documents documents -> AdvisoryLoader.read(documents.documents(), options);
        };
    }

    /** The records a lenient load skipped, and the files it did not read, as warnings. */
    static List<String> warnings(AdvisoryLoad load) {
        List<String> warnings = new ArrayList<>();
        load.problems().forEach(problem -> warnings.add("skipped advisory: " + problem.getMessage()));
        if (load.skippedFiles() > 0) {
            warnings.add(load.skippedFiles() + " file(s) under the advisory paths are neither JSON nor YAML and were not read");
        }
        return warnings;
    }

    /** Every entry of every catalogue, in the order given. */
    static List<KevEntry> kev(List<KevInput> inputs) throws InputException {
        List<KevEntry> entries = new ArrayList<>();
        for (KevInput input : inputs) {
            for (InputDocument document : input.documents()) {
                entries.addAll(KevReader.read(document.source(), document.content()));
            }
        }
        return entries;
    }
}
