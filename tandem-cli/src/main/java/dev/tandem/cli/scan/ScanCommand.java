package dev.tandem.cli.scan;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.cli.progress.LoadProgress;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.Renderer;
import dev.tandem.render.scan.ScanFormats;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.CveInput;
import dev.tandem.usecase.scan.FailThreshold;
import dev.tandem.usecase.scan.KevInput;
import dev.tandem.usecase.scan.SbomInput;
import dev.tandem.usecase.scan.ScanRequest;
import dev.tandem.usecase.scan.ScanResult;
import dev.tandem.usecase.scan.ScanUseCase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem scan}: SBOMs in, exact vulnerability findings out, known-exploited ones first. */
@Command(name = "scan",
        mixinStandardHelpOptions = true,
        description = {
                "Find the vulnerable components of SBOMs, known-exploited ones first (OSV, NVD, CISA KEV, EU KEV).",
                "Components are matched by package URL against OSV advisories and by CPE against NVD and CVE",
                "records (files, or a snapshot built by 'tandem db build'); KEV entries join through CVE aliases.",
                "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage or input."})
public final class ScanCommand implements Callable<Integer>, RendersFormats {

    @Spec
    CommandSpec spec;

    @Option(names = "--sbom", arity = "1..*", required = true, paramLabel = "FILE",
            description = "CycloneDX (JSON/XML 1.2-1.6) or SPDX 2.3 (JSON, tag-value) SBOMs.")
    List<Path> sboms = new ArrayList<>();

    @Option(names = "--advisories", arity = "1..*", paramLabel = "PATH",
            description = "OSV advisories: JSON or YAML files, directories, or zip archives as OSV publishes them.")
    List<Path> advisories = new ArrayList<>();

    @Option(names = "--nvd", arity = "1..*", paramLabel = "PATH",
            description = "NVD and CVE records to match components by CPE: NVD CVE API 2.0 JSON (records, responses, "
                    + "yearly feeds), NVD JSON 1.1 feeds, CVE JSON 5 records; files (.json, .json.gz), directories or "
                    + "zip archives. Beside --advisories, or alone.")
    List<Path> nvd = new ArrayList<>();

    @Option(names = "--db", paramLabel = "FILE",
            description = "An advisory snapshot built by 'tandem db build', instead of --advisories and --nvd.")
    Path db;

    @Option(names = "--kev", arity = "1..*", paramLabel = "FILE",
            description = "Known-exploited catalogues: CISA KEV JSON and/or ENISA EU KEV JSON, or directories holding them "
                    + "(their .json files are read). With --db, they replace the snapshot's assertions of the same catalogue "
                    + "(fresher KEV over an older snapshot).")
    List<Path> kev = new ArrayList<>();

    @Mixin
    FormatOption format;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a finding is at or above: ${COMPLETION-CANDIDATES}. "
                    + "Known-exploited findings are at or above every level. Without it, exit 0 after a successful scan.")
    FailThreshold failOn;

    @Mixin
    OutputOption output;

    @Option(names = "--lenient", description = "Skip malformed advisory records, listing each as a warning, instead of stopping.")
    boolean lenient;

    @Override
    public Formats<ScanResult> formats() {
        return ScanFormats.scan();
    }

    @Override
    public Integer call() throws IOException, InputException {
        boolean files = !advisories.isEmpty() || !nvd.isEmpty();
        if (files == (db != null)) {
            throw new UsageException("give exactly one source of advisories: --advisories PATH... and/or --nvd PATH..., "
                    + "or --db FILE");
        }
        if (db != null && lenient) {
            throw new UsageException("--lenient applies to --advisories and --nvd only; a snapshot is checked as a whole");
        }
        Renderer<ScanResult> renderer = format.pick(formats());
        List<SbomInput> sbomInputs = new ArrayList<>(sboms.size());
        for (Path file : sboms) {
            sbomInputs.add(SbomInput.of(InputDocument.read(file)));
        }
        List<KevInput> kevInputs = KevFiles.read(kev);
        PrintWriter err = spec.commandLine().getErr();
        ScanResult result;
        try (LoadProgress progress = LoadProgress.forStderr(err)) {
            AdvisoryInput source = db != null ? new AdvisoryInput.SnapshotFile(db)
                    : new AdvisoryInput.Paths(advisories, lenient, progress);
            CveInput records = nvd.isEmpty() ? CveInput.none() : new CveInput.Paths(nvd, lenient, progress);
            result = new ScanUseCase().run(new ScanRequest(sbomInputs, source, kevInputs, Instant.now(), records));
        }
        result.warnings().forEach(w -> err.println("tandem: warning: " + w));
        output.write(renderer, result, spec);
        return failOn != null && result.anyAtOrAbove(failOn) ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
