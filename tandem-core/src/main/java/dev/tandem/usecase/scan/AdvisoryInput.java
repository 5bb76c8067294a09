package dev.tandem.usecase.scan;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.EpssData;
import dev.tandem.advisory.LoadListener;
import dev.tandem.input.InputDocument;
import dev.tandem.advisory.nvd.CveRecord;
import dev.tandem.match.CpeIndex;
import dev.tandem.match.MemoryCpeIndex;
import dev.tandem.match.PackageIndex;
import dev.tandem.snapshot.Snapshot;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where the advisories of a scan come from: OSV records (files or documents; NVD and CVE records go
 * beside them as {@link CveInput}), a snapshot (which holds both), or indexes already loaded.
 */
public sealed interface AdvisoryInput {

    /** OSV records to parse: what a snapshot is built from. */
    sealed interface Osv extends AdvisoryInput permits Paths, Documents {

        /** Skip malformed records, each becoming a warning, instead of stopping at the first. */
        boolean lenient();

        /** How the advisories are named in outputs: the paths or document names as given. */
        List<String> sources();
    }

    /** A snapshot: a file handed by the caller, or one already in memory. */
    sealed interface SnapshotInput extends AdvisoryInput permits SnapshotFile, LoadedSnapshot {
    }

    /**
     * OSV files, directories (read recursively) and zip archives handed by the caller.
     *
     * @param listener told how far the load is; {@link LoadListener#NONE} to ignore progress
     */
    record Paths(List<Path> paths, boolean lenient, LoadListener listener) implements Osv {
        public Paths {
            paths = List.copyOf(paths);
            listener = listener == null ? LoadListener.NONE : listener;
        }

        @Override
        public List<String> sources() {
            return paths.stream().map(Path::toString).toList();
        }
    }

    /** OSV records held in memory, JSON or YAML, each document one record or a JSON array of records. */
    record Documents(List<InputDocument> documents, boolean lenient) implements Osv {
        public Documents {
            documents = List.copyOf(documents);
        }

        @Override
        public List<String> sources() {
            return documents.stream().map(InputDocument::source).toList();
        }
    }

    /** A snapshot file written by a snapshot build, handed by the caller. */
    record SnapshotFile(Path file) implements SnapshotInput {
        public SnapshotFile {
            Objects.requireNonNull(file, "file");
        }
    }

    /** A snapshot already loaded and verified (a server keeps one in memory). */
    record LoadedSnapshot(Snapshot snapshot) implements SnapshotInput {
        public LoadedSnapshot {
            Objects.requireNonNull(snapshot, "snapshot");
        }
    }

    /**
     * Any package index already built (the in-memory index of a database), with the counts and
     * sources outputs report. Its KEV assertions were joined when it was built, so a scan over it
     * takes no KEV catalogues. {@code epss}, when not null, gives each finding its score (a server
     * holds a snapshot's).
     */
    record Index(PackageIndex index, AdvisoryDatabase.Stats stats, List<String> sources, List<String> kevSources,
            CpeIndex cpeIndex, List<String> recordSources, EpssData epss) implements AdvisoryInput {
        public Index {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(stats, "stats");
            sources = List.copyOf(sources);
            kevSources = List.copyOf(kevSources);
            cpeIndex = cpeIndex == null ? CpeIndex.EMPTY : cpeIndex;
            recordSources = recordSources == null ? List.of() : List.copyOf(recordSources);
        }

        /** An index without EPSS scores. */
        public Index(PackageIndex index, AdvisoryDatabase.Stats stats, List<String> sources, List<String> kevSources,
                CpeIndex cpeIndex, List<String> recordSources) {
            this(index, stats, sources, kevSources, cpeIndex, recordSources, null);
        }

        /** A package index without NVD or CVE records. */
        public Index(PackageIndex index, AdvisoryDatabase.Stats stats, List<String> sources, List<String> kevSources) {
            this(index, stats, sources, kevSources, CpeIndex.EMPTY, List.of());
        }

        /** The in-memory index of a database, named by the sources it was built from. */
        public static Index of(AdvisoryDatabase database, List<String> sources, List<String> kevSources) {
            return new Index(PackageIndex.build(database), database.stats(), sources, kevSources);
        }

        /** The in-memory indexes of a database built from OSV advisories and NVD/CVE records. */
        public static Index of(AdvisoryDatabase database, List<CveRecord> records, List<String> sources,
                List<String> kevSources, List<String> recordSources) {
            return new Index(PackageIndex.build(database), database.stats(), sources, kevSources,
                    MemoryCpeIndex.build(database, records), recordSources);
        }
    }
}
