package dev.tandem.cli.db;

import dev.tandem.cli.progress.LoadProgress;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.AdvisoryLoader;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.KevReader;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.cli.exit.ExitCode;
import dev.tandem.usecase.TandemVersion;
import dev.tandem.cli.progress.LoadProgress;
import dev.tandem.input.InputException;
import dev.tandem.snapshot.SnapshotProvenance;
import dev.tandem.snapshot.SnapshotWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem db build}: OSV advisories and KEV catalogues in, one snapshot file out. */
@Command(name = "build",
        mixinStandardHelpOptions = true,
        description = {
                "Parse OSV advisories (and KEV catalogues) once and write a compact, versioned, checksummed",
                "snapshot of everything matching needs. Exit codes: 0 written, 2 bad usage or input."})
public final class DbBuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--advisories", arity = "1..*", required = true, paramLabel = "PATH",
            description = "OSV advisories: JSON or YAML files, directories, or zip archives as OSV publishes them.")
    List<Path> advisories = new ArrayList<>();

    @Option(names = "--kev", arity = "1..*", paramLabel = "FILE",
            description = "Known-exploited catalogues: CISA KEV JSON and/or ENISA EU KEV JSON.")
    List<Path> kev = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The snapshot file to write (replaced atomically).")
    Path out;

    @Option(names = "--lenient", description = "Skip malformed advisory records, listing each as a warning, instead of stopping.")
    boolean lenient;

    @Override
    public Integer call() throws IOException, InputException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new InputException(out, dev.tandem.input.InputPosition.UNKNOWN, "the folder to write into does not exist");
        }
        long started = System.nanoTime();
        AdvisoryLoad load;
        try (LoadProgress progress = LoadProgress.forStderr(spec.commandLine().getErr())) {
            load = AdvisoryLoader.load(advisories, lenient ? LoadOptions.lenient() : LoadOptions.strict(), progress);
        }
        List<KevEntry> kevEntries = new ArrayList<>();
        for (Path file : kev) {
            kevEntries.addAll(KevReader.read(file));
        }
        AdvisoryDatabase database = AdvisoryDatabase.build(load.advisories(), kevEntries);
        SnapshotProvenance provenance = new SnapshotProvenance(
                TandemVersion.current(), Instant.now().truncatedTo(ChronoUnit.MILLIS),
                advisories.stream().map(Path::toString).toList(), kev.stream().map(Path::toString).toList());
        SnapshotWriter.write(database, kevEntries, provenance, out);
        double seconds = (System.nanoTime() - started) / 1e9;

        PrintWriter err = spec.commandLine().getErr();
        load.problems().forEach(problem -> err.println("tandem: warning: skipped advisory: " + problem.getMessage()));
        if (load.skippedFiles() > 0) {
            err.println("tandem: warning: " + load.skippedFiles()
                    + " file(s) under the advisory paths are neither JSON nor YAML and were not read");
        }
        AdvisoryDatabase.Stats stats = database.stats();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "Wrote %s (%,d bytes) in %.1f s%n", out, Files.size(out), seconds);
        stdout.printf(Locale.ROOT, "Advisories: %,d (%,d withdrawn, ignored; %,d duplicates) forming %,d vulnerabilities%n",
                stats.advisories(), stats.withdrawn(), stats.duplicates(), stats.vulnerabilities());
        stdout.printf(Locale.ROOT, "KEV: %,d entries, %,d matched an advisory%n", stats.kevEntries(), stats.kevMatched());
        stdout.flush();
        return ExitCode.OK;
    }
}
