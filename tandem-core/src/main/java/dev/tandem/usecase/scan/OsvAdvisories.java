package dev.tandem.usecase.scan;

import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.AdvisoryLoader;
import dev.tandem.advisory.AdvisoryRetention;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.KevReader;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.util.ArrayList;
import java.util.List;

/** Reading the OSV and KEV inputs the scan and the snapshot build share, and the warnings a lenient load gives. */
final class OsvAdvisories {

    private OsvAdvisories() {
    }

    /** The advisories, each with only what {@code retention} keeps (a scan or a snapshot needs less than the record states). */
    static AdvisoryLoad load(AdvisoryInput.Osv input, AdvisoryRetention retention) throws InputException {
        LoadOptions options = input.lenient() ? LoadOptions.lenient() : LoadOptions.strict();
        return switch (input) {
            case AdvisoryInput.Paths paths -> AdvisoryLoader.load(paths.paths(), options, paths.listener(), retention);
            case AdvisoryInput.Documents documents -> AdvisoryLoader.read(documents.documents(), options, retention);
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

    /** Every entry of every catalogue, in the order given, and the warnings about files skipped. */
    record Kev(List<KevEntry> entries, List<String> warnings) {
    }

    /**
     * Every entry of every catalogue, in the order given. A JSON Schema inside a folder is skipped
     * with a warning; a schema given by itself is an error (it was meant to be a catalogue).
     */
    static Kev kev(List<KevInput> inputs) throws InputException {
        List<KevEntry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (KevInput input : inputs) {
            int catalogues = 0;
            for (InputDocument document : input.documents()) {
                if (KevReader.isJsonSchema(document.content())) {
                    if (!input.folder()) {
                        throw new InputException(document.source(), InputPosition.UNKNOWN,
                                "a JSON Schema, not a KEV catalogue (give the catalogue the schema describes)");
                    }
                    warnings.add("skipped " + document.source() + ": a JSON Schema, not a KEV catalogue");
                    continue;
                }
                entries.addAll(KevReader.read(document.source(), document.content()));
                catalogues++;
            }
            if (input.folder() && catalogues == 0) {
                throw new InputException(input.source(), InputPosition.UNKNOWN,
                        "the directory contains no KEV catalogue (only JSON Schemas)");
            }
        }
        return new Kev(entries, warnings);
    }
}
