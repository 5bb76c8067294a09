package dev.tandem.cli.db;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.cli.progress.LoadProgress;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.render.db.DbFormats;
import dev.tandem.render.db.WrittenSnapshot;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.DbBuildRequest;
import dev.tandem.usecase.scan.DbBuildResult;
import dev.tandem.usecase.scan.DbBuildUseCase;
import dev.tandem.usecase.scan.KevInput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    /** Required: the snapshot is binary and never goes to standard output. */
    @Mixin
    OutputOption out;

    @Option(names = "--lenient", description = "Skip malformed advisory records, listing each as a warning, instead of stopping.")
    boolean lenient;

    @Override
    public Integer call() throws IOException, InputException {
        if (out.file() == null) {
            throw new UsageException("Missing required option: '--out=FILE' (the snapshot file to write)");
        }
        long started = System.nanoTime();
        List<KevInput> kevInputs = new ArrayList<>(kev.size());
        for (Path file : kev) {
            kevInputs.add(KevInput.of(InputDocument.read(file)));
        }
        PrintWriter err = spec.commandLine().getErr();
        DbBuildResult result;
        try (LoadProgress progress = LoadProgress.forStderr(err)) {
            result = new DbBuildUseCase().run(new DbBuildRequest(new AdvisoryInput.Paths(advisories, lenient, progress),
                    kevInputs, Instant.now()));
        }
        out.write(DbFormats.snapshotFile(), result, spec);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        result.warnings().forEach(w -> err.println("tandem: warning: " + w));
        PrintWriter stdout = spec.commandLine().getOut();
        DbFormats.buildSummary().render(new WrittenSnapshot(result, out.file().toString(), took), stdout);
        stdout.flush();
        return ExitCode.OK;
    }
}
