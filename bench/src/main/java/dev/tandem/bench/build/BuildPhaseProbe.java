package dev.tandem.bench.build;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.AdvisoryLoader;
import dev.tandem.advisory.AdvisoryRetention;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.KevReader;
import dev.tandem.advisory.LoadListener;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.snapshot.SnapshotProvenance;
import dev.tandem.snapshot.SnapshotWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code db build}'s three phases timed one by one in one process, as the use case runs them: the
 * OSV decode of every archive, the alias merge, the snapshot encoding. Prints each phase's wall
 * time, the process's CPU time over it (every thread, the collector's included) and the collectors'
 * own time, then the SHA-256 of the encoded file: the provenance is fixed, so two trees that encode
 * the same bytes print the same digest. Merge and encode run {@code REPEATS} times over the one load
 * (the later runs are warm); the decode runs once (its first run is what {@code db build} pays).
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" dev.tandem.bench.build.BuildPhaseProbe CORPUS_DIR [REPEATS]</pre>
 */
public final class BuildPhaseProbe {

    /** Fixed, so two trees that encode the same advisories give the same file and digest. */
    static final SnapshotProvenance PROVENANCE = new SnapshotProvenance("probe", Instant.parse("2026-01-01T00:00:00Z"),
            List.of("osv"), List.of("kev"));

    private BuildPhaseProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Path> archives = BuildPhaseProbe.osvArchives(corpus);
        List<KevEntry> kev = KevReader.read(corpus.resolve("kev.json"));

        Mark mark = Mark.now();
        AdvisoryLoad load = AdvisoryLoader.load(archives, LoadOptions.strict(), LoadListener.NONE,
                AdvisoryRetention.SNAPSHOT);
        mark = mark.print("decode " + load.advisories().size() + " advisories");
        AdvisoryDatabase database = null;
        for (int r = 1; r <= repeats; r++) {
            database = AdvisoryDatabase.build(load.advisories(), kev);
            mark = mark.print("merge, run " + r + " (" + database.vulnerabilities().size() + " vulnerabilities)");
        }
        byte[] file = null;
        for (int r = 1; r <= repeats; r++) {
            file = SnapshotWriter.encode(database, List.of(), kev, null, PROVENANCE);
            mark = mark.print("encode, run " + r + " (" + file.length + " bytes)");
        }
        System.out.println("sha256 " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)));
    }

    /** The corpus's OSV archives ({@code osv/<ecosystem>/all.zip}) in ecosystem order, as the probes load them. */
    static List<Path> osvArchives(Path corpus) throws java.io.IOException {
        try (Stream<Path> dirs = Files.list(corpus.resolve("osv"))) {
            return dirs.sorted().map(d -> d.resolve("all.zip")).filter(Files::isRegularFile).toList();
        }
    }

    /** Wall, process CPU and collector time at one point. */
    private record Mark(long wall, long cpu, long gc) {

        static Mark now() {
            return new Mark(System.nanoTime(), ProcessCounters.cpuNanos(), ProcessCounters.collectorMillis());
        }

        Mark print(String phase) {
            Mark next = now();
            System.out.printf(Locale.ROOT, "FIGURE %-45s wall %7.0f ms  cpu %7.0f ms  gc %6d ms  load %.1f%n", phase,
                    (next.wall - wall) / 1e6, (next.cpu - cpu) / 1e6, next.gc - gc, ProcessCounters.loadAverage());
            return now();
        }
    }
}
