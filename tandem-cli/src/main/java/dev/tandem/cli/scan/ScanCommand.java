package dev.tandem.cli.scan;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.InputFiles;
import dev.tandem.cli.options.Now;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.cli.progress.LoadProgress;
import dev.tandem.cli.sbom.LockfileFiles;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.Renderer;
import dev.tandem.render.scan.ScanFormats;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.CveInput;
import dev.tandem.usecase.scan.FailCondition;
import dev.tandem.usecase.scan.KevInput;
import dev.tandem.usecase.scan.SbomInput;
import dev.tandem.usecase.scan.ScanRequest;
import dev.tandem.usecase.scan.ScanResult;
import dev.tandem.usecase.scan.ScanUseCase;
import dev.tandem.usecase.vex.StatementsRequest;
import dev.tandem.usecase.vex.StatementsResult;
import dev.tandem.usecase.vex.StatementsUseCase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem scan}: SBOMs in, exact vulnerability findings out, known-exploited ones first. */
@Command(name = "scan",
        mixinStandardHelpOptions = true,
        description = {
                "Find the vulnerable components of SBOMs and lockfiles, known-exploited ones first (OSV, NVD, CISA KEV, EU KEV, EPSS).",
                "Components are matched by package URL against OSV advisories, and by CPE against NVD and CVE records.",
                "Advisories and records come from files, or from a snapshot built by 'tandem db build' or 'tandem db update'.",
                "KEV entries and EPSS scores join through CVE aliases.",
                "The report says, per ecosystem, how many advisories each component was checked against.",
                "Exit codes: 0 nothing meets --fail-on, 1 a finding meets it, 2 bad usage or input."})
public final class ScanCommand implements Callable<Integer>, RendersFormats {

    /** The ignore file read from the working directory when {@code --ignore} is not given. */
    static final Path DEFAULT_IGNORE_FILE = Path.of(".tandem-ignore.yaml");

    @Spec
    CommandSpec spec;

    @Option(names = "--sbom", arity = "1..*", paramLabel = "FILE",
            description = "CycloneDX (JSON/XML 1.2-1.6) or SPDX 2.3 (JSON, tag-value) SBOMs.")
    List<Path> sboms = new ArrayList<>();

    @Option(names = "--lockfile", arity = "1..*", paramLabel = "FILE",
            description = "Lockfiles read as SBOMs, beside --sbom or alone: package-lock.json, yarn.lock, pnpm-lock.yaml, "
                    + "Cargo.lock, go.mod (with the go.sum beside it), poetry.lock, uv.lock, pip requirements files, "
                    + "composer.lock, Gemfile.lock, or the saved output of 'mvn dependency:list'.")
    List<Path> lockfiles = new ArrayList<>();

    @Option(names = "--advisories", arity = "1..*", paramLabel = "PATH",
            description = "OSV advisories: JSON or YAML files, directories, or zip archives as OSV publishes them.")
    List<Path> advisories = new ArrayList<>();

    @Option(names = "--nvd", arity = "1..*", paramLabel = "PATH",
            description = "NVD and CVE records to match components by CPE: NVD CVE API 2.0 JSON (records, responses, "
                    + "yearly feeds), NVD JSON 1.1 feeds, CVE JSON 5 records; files (.json, .json.gz), directories or "
                    + "zip archives. Beside --advisories, or alone.")
    List<Path> nvd = new ArrayList<>();

    @Option(names = "--db", paramLabel = "FILE",
            description = "An advisory snapshot built by 'tandem db build' or 'tandem db update', instead of --advisories"
                    + " and --nvd.")
    Path db;

    @Option(names = "--kev", arity = "1..*", paramLabel = "FILE",
            description = "Known-exploited catalogues: CISA KEV JSON and/or ENISA EU KEV JSON, or directories holding them "
                    + "(their .json files are read; JSON Schemas among them are skipped). With --db, they replace the "
                    + "snapshot's assertions of the same catalogue (fresher KEV over an older snapshot).")
    List<Path> kev = new ArrayList<>();

    @Option(names = "--vex", arity = "1..*", paramLabel = "FILE",
            description = "VEX documents (CSAF VEX, CycloneDX VEX JSON, OpenVEX; told from the content): not_affected and "
                    + "fixed statements suppress the findings they name, affected and under_investigation annotate them; "
                    + "a statement that matches no finding is reported.")
    List<Path> vex = new ArrayList<>();

    @Option(names = "--epss", paramLabel = "FILE",
            description = "FIRST's daily EPSS scores (epss_scores-YYYY-MM-DD.csv.gz, or the CSV unpacked). "
                    + "With --db, they replace the snapshot's scores.")
    Path epss;

    @Option(names = "--ignore", paramLabel = "FILE",
            description = "An ignore file: vulnerabilities to suppress, each with a reason and an expiry date "
                    + "(default: .tandem-ignore.yaml in the working directory, when it exists).")
    Path ignore;

    @Option(names = "--no-ignore", description = "Read no ignore file, not even .tandem-ignore.yaml in the working directory.")
    boolean noIgnore;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "A previous report of 'tandem scan --format json': each finding is marked new or unchanged, "
                    + "and the findings that are gone are listed as fixed.")
    Path baseline;

    @Mixin
    FormatOption format;

    @Option(names = "--fail-on", paramLabel = "CONDITION", split = ",",
            description = "Exit 1 when a finding that is not suppressed meets a condition: kev, critical, high, medium, "
                    + "low or any (severity levels), epss:SCORE or epss-percentile:PERCENTILE (between 0 and 1). "
                    + "Known-exploited findings meet every condition. Repeat it or separate conditions with commas; "
                    + "any one met fails the scan. Without it, exit 0 after a successful scan.")
    List<String> failOn = new ArrayList<>();

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
        checkCombinations();
        List<FailCondition> conditions = failConditions();
        Renderer<ScanResult> renderer = format.pick(formats());
        List<SbomInput> sbomInputs = new ArrayList<>(InputFiles.read(sboms).stream().map(SbomInput::of).toList());
        if (!lockfiles.isEmpty()) {
            sbomInputs.addAll(SbomInput.lockfiles(LockfileFiles.read(lockfiles)));
        }
        List<KevInput> kevInputs = KevFiles.read(kev);
        InputDocument ignoreFile = ignoreFile();
        InputDocument epssFile = epss == null ? null : InputDocument.read(epss);
        InputDocument baselineFile = baseline == null ? null : InputDocument.read(baseline);
        PrintWriter err = spec.commandLine().getErr();
        StatementsResult statements = new StatementsUseCase().run(new StatementsRequest(InputFiles.read(vex), List.of()));
        statements.warnings().forEach(w -> err.println("tandem: warning: " + w));
        ScanResult result;
        try (LoadProgress progress = LoadProgress.forStderr(err)) {
            AdvisoryInput source = db != null ? new AdvisoryInput.SnapshotFile(db)
                    : new AdvisoryInput.Paths(advisories, lenient, progress);
            CveInput records = nvd.isEmpty() ? CveInput.none() : new CveInput.Paths(nvd, lenient, progress);
            result = new ScanUseCase().run(new ScanRequest(sbomInputs, source, kevInputs, Now.instant(), records,
                    statements.statements(), ignoreFile, epssFile, baselineFile));
        }
        result.warnings().forEach(w -> err.println("tandem: warning: " + w));
        if (result.epss() == null) {
            conditions.stream().filter(FailCondition::usesEpss).forEach(c -> err.println("tandem: warning: --fail-on "
                    + c.text() + " but no EPSS scores were loaded (give --epss FILE, or a snapshot with EPSS); only "
                    + "known-exploited findings can meet it"));
        }
        output.write(renderer, result, spec);
        return conditions.stream().anyMatch(result::anyMeets) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** Refuses option combinations that cannot mean anything, before any file is read. */
    private void checkCombinations() {
        if (sboms.isEmpty() && lockfiles.isEmpty()) {
            throw new UsageException("give what to scan: --sbom FILE... and/or --lockfile FILE...");
        }
        boolean files = !advisories.isEmpty() || !nvd.isEmpty();
        if (files == (db != null)) {
            throw new UsageException("give exactly one source of advisories: --advisories PATH... and/or --nvd PATH..., "
                    + "or --db FILE");
        }
        if (db != null && lenient) {
            throw new UsageException("--lenient applies to --advisories and --nvd only; a snapshot is checked as a whole");
        }
        if (noIgnore && ignore != null) {
            throw new UsageException("give --ignore FILE or --no-ignore, not both");
        }
    }

    /** The {@code --fail-on} conditions, parsed; a bad one is a usage error naming the option. */
    private List<FailCondition> failConditions() {
        List<FailCondition> conditions = new ArrayList<>(failOn.size());
        for (String text : failOn) {
            try {
                conditions.add(FailCondition.parse(text));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "invalid value for --fail-on: " + e.getMessage());
            }
        }
        return conditions;
    }

    /** The ignore file: the one given, else .tandem-ignore.yaml in the working directory if it exists. */
    private InputDocument ignoreFile() throws InputException {
        if (noIgnore) {
            return null;
        }
        Path file = ignore != null ? ignore : Files.isRegularFile(DEFAULT_IGNORE_FILE) ? DEFAULT_IGNORE_FILE : null;
        return file == null ? null : InputDocument.read(file);
    }
}
