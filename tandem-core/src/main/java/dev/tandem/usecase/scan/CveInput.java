package dev.tandem.usecase.scan;

import dev.tandem.advisory.LoadListener;
import dev.tandem.input.InputDocument;
import java.nio.file.Path;
import java.util.List;

/**
 * NVD and CVE records to match components by CPE: files, directories and zips handed by the caller,
 * or documents held in memory. NVD CVE API 2.0 JSON, NVD JSON 1.1 feeds and CVE JSON 5 records,
 * recognised from the content (docs/formats/nvd.md).
 */
public sealed interface CveInput {

    /** No records: components are matched by package URL only. */
    static CveInput none() {
        return new Documents(List.of(), false);
    }

    /** Skip malformed records, each becoming a warning, instead of stopping at the first. */
    boolean lenient();

    /** How the records are named in outputs: the paths or document names as given. */
    List<String> sources();

    /** True when no record source is given. */
    default boolean isEmpty() {
        return sources().isEmpty();
    }

    /**
     * Files ({@code .json}, {@code .json.gz}), directories (read recursively) and zip archives.
     *
     * @param listener told how far the load is; {@link LoadListener#NONE} to ignore progress
     */
    record Paths(List<Path> paths, boolean lenient, LoadListener listener) implements CveInput {
        public Paths {
            paths = List.copyOf(paths);
            listener = listener == null ? LoadListener.NONE : listener;
        }

        @Override
        public List<String> sources() {
            return paths.stream().map(Path::toString).toList();
        }
    }

    /** Records held in memory: each document one record, an API response or a feed. */
    record Documents(List<InputDocument> documents, boolean lenient) implements CveInput {
        public Documents {
            documents = List.copyOf(documents);
        }

        @Override
        public List<String> sources() {
            return documents.stream().map(InputDocument::source).toList();
        }
    }
}
