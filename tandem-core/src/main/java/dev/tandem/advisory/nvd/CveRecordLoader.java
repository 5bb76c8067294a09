package dev.tandem.advisory.nvd;

import dev.tandem.advisory.AdvisoryFiles;
import dev.tandem.advisory.LoadListener;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads NVD and CVE records from files ({@code .json}, or {@code .json.gz} as NVD packs its feeds),
 * directories (read recursively; a cvelistV5 or NVD mirror checkout) and zip archives, with the
 * same protections as OSV loading ({@link AdvisoryFiles}): no extraction, unsafe entry names
 * refused, entry count and inflated size capped, gzip bombs refused.
 */
public final class CveRecordLoader {

    /** NVD and CVE record files. */
    public static final AdvisoryFiles.Kind KIND = new AdvisoryFiles.Kind("NVD or CVE record",
            name -> name.endsWith(".json") || name.endsWith(".json.gz"), ".json, .json.gz");

    private CveRecordLoader() {
    }

    /**
     * Every record under {@code paths}.
     *
     * @throws InputException in strict mode, the first bad record in load order; in both modes, a
     *                        path that does not exist or is not such a file, a directory or a zip
     */
    public static CveRecordLoad load(List<Path> paths, LoadOptions options, LoadListener listener)
            throws InputException {
        return of(AdvisoryFiles.load(paths, KIND, options, listener,
                (source, content, problems) -> CveRecordReader.readAll(source, content, options.limits(), problems)));
    }

    /** Every record of documents held in memory (uploads, tests); a gzip document is inflated. */
    public static CveRecordLoad read(List<InputDocument> documents, LoadOptions options) throws InputException {
        return of(AdvisoryFiles.read(documents, options,
                (source, content, problems) -> CveRecordReader.readAll(source, content, options.limits(), problems)));
    }

    private static CveRecordLoad of(AdvisoryFiles.Loaded<CveRecord> loaded) {
        return new CveRecordLoad(loaded.records(), loaded.problems(), loaded.skippedFiles());
    }
}
