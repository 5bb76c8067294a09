package dev.tandem.cli.db;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.options.Now;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.cli.progress.LoadProgress;
import dev.tandem.cli.scan.KevFiles;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.render.db.DbFormats;
import dev.tandem.render.db.WrittenSnapshot;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.CveInput;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem db build}: OSV advisories and KEV catalogues in, one snapshot file out. */
@Command(name = "build",
        mixinStandardHelpOptions = true,
        description = {
                "Parse OSV advisories and NVD/CVE records (with KEV catalogues and EPSS scores) once into a compact, checksummed snapshot.",
                "The snapshot holds everything matching needs; 'tandem scan --db FILE' loads it in well under a second.",
                "Exit codes: 0 written, 2 bad usage or input."},
        modelTransformer = DbBuildCommand.RequiredOut.class)
public final class DbBuildCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--advisories", arity = "1..*", paramLabel = "PATH",
            description = "OSV advisories: JSON or YAML files, directories, or zip archives as OSV publishes them.")
    List<Path> advisories = new ArrayList<>();

    @Option(names = "--nvd", arity = "1..*", paramLabel = "PATH",
            description = "NVD and CVE records (NVD CVE API 2.0, NVD JSON 1.1, CVE JSON 5): files (.json, .json.gz), "
                    + "directories or zip archives; their CPE configurations go into the snapshot.")
    List<Path> nvd = new ArrayList<>();

    @Option(names = "--kev", arity = "1..*", paramLabel = "FILE",
            description = "Known-exploited catalogues: CISA KEV JSON and/or ENISA EU KEV JSON, or directories holding them "
                    + "(their .json files are read; JSON Schemas among them are skipped).")
    List<Path> kev = new ArrayList<>();

    @Option(names = "--epss", paramLabel = "FILE",
            description = "FIRST's daily EPSS scores (epss_scores-YYYY-MM-DD.csv.gz, or the CSV unpacked), kept in the snapshot.")
    Path epss;

    /** The shared output option, required here (see {@link RequiredOut}). */
    @Mixin
    OutputOption out;

    @Option(names = "--lenient", description = "Skip malformed advisory and NVD/CVE records, listing each as a warning, instead of stopping.")
    boolean lenient;

    /** The snapshot is binary and never goes to standard output: the shared output option becomes required. */
    static final class RequiredOut implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            OptionSpec option = spec.findOption("--out");
            spec.remove(option);
            spec.addOption(OptionSpec.builder(option).required(true)
                    .description("The snapshot file to write (replaced atomically; missing folders are created).").build());
            return spec;
        }
    }

    @Override
    public Integer call() throws IOException, InputException {
        if (advisories.isEmpty() && nvd.isEmpty()) {
            throw new UsageException("give what to build the snapshot from: --advisories PATH... and/or --nvd PATH...");
        }
        long started = System.nanoTime();
        List<KevInput> kevInputs = KevFiles.read(kev);
        InputDocument epssFile = epss == null ? null : InputDocument.read(epss);
        PrintWriter err = spec.commandLine().getErr();
        DbBuildResult result;
        try (LoadProgress progress = LoadProgress.forStderr(err)) {
            CveInput records = nvd.isEmpty() ? CveInput.none() : new CveInput.Paths(nvd, lenient, progress);
            result = new DbBuildUseCase().run(new DbBuildRequest(new AdvisoryInput.Paths(advisories, lenient, progress),
                    kevInputs, Now.instant(), epssFile, records));
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
