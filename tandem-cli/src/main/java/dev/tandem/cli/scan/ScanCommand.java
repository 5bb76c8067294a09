package dev.tandem.cli.scan;

import dev.tandem.cli.progress.LoadProgress;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.AdvisoryLoader;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.KevReader;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.advisory.KevCatalog;
import dev.tandem.cli.exit.ExitCode;
import dev.tandem.usecase.TandemVersion;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.input.InputException;
import dev.tandem.match.FailThreshold;
import dev.tandem.match.Matcher;
import dev.tandem.match.PackageIndex;
import dev.tandem.match.MatchResult;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomReaders;
import dev.tandem.snapshot.CorruptSnapshotException;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.snapshot.SnapshotIndex;
import dev.tandem.snapshot.SnapshotProvenance;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tandem scan}: SBOMs in, exact vulnerability findings out, known-exploited ones first. */
@Command(name = "scan",
        mixinStandardHelpOptions = true,
        description = {
                "Find the vulnerable components of SBOMs, known-exploited ones first (OSV, CISA KEV, EU KEV).",
                "Components are matched by package URL against OSV advisories (files, or a snapshot built by",
                "'tandem db build'); KEV entries join through CVE aliases.",
                "Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage or input."})
public final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--sbom", arity = "1..*", required = true, paramLabel = "FILE",
            description = "CycloneDX (JSON/XML 1.2-1.6) or SPDX 2.3 (JSON, tag-value) SBOMs.")
    List<Path> sboms = new ArrayList<>();

    @Option(names = "--advisories", arity = "1..*", paramLabel = "PATH",
            description = "OSV advisories: JSON or YAML files, directories, or zip archives as OSV publishes them.")
    List<Path> advisories = new ArrayList<>();

    @Option(names = "--db", paramLabel = "FILE",
            description = "An advisory snapshot built by 'tandem db build', instead of --advisories.")
    Path db;

    @Option(names = "--kev", arity = "1..*", paramLabel = "FILE",
            description = "Known-exploited catalogues: CISA KEV JSON and/or ENISA EU KEV JSON, or directories holding them "
                    + "(their .json files are read). With --db, they replace the snapshot's assertions of the same catalogue "
                    + "(fresher KEV over an older snapshot).")
    List<Path> kev = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    ScanFormat format;

    @Option(names = "--fail-on", paramLabel = "LEVEL",
            description = "Exit 1 when a finding is at or above: ${COMPLETION-CANDIDATES}. "
                    + "Known-exploited findings are at or above every level. Without it, exit 0 after a successful scan.")
    FailThreshold failOn;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path output;

    @Option(names = "--lenient", description = "Skip malformed advisory records, listing each as a warning, instead of stopping.")
    boolean lenient;

    @Override
    public Integer call() throws IOException, InputException {
        if (advisories.isEmpty() == (db == null)) {
            throw new UsageException("give exactly one source of advisories: --advisories PATH... or --db FILE");
        }
        if (db != null && lenient) {
            throw new UsageException("--lenient applies to --advisories only; a snapshot is checked as a whole");
        }
        List<Sbom> parsed = new ArrayList<>(sboms.size());
        for (Path file : sboms) {
            parsed.add(SbomReaders.read(file));
        }
        // The small inputs first: a mistyped KEV path fails at once, not after a large advisory load.
        List<KevEntry> kevEntries = new ArrayList<>();
        for (Path file : kevFiles()) {
            kevEntries.addAll(KevReader.read(file));
        }
        if (output != null && output.toAbsolutePath().getParent() != null
                && !Files.isDirectory(output.toAbsolutePath().getParent())) {
            throw new UsageException("cannot write the report to " + output + ": the directory "
                    + output.toAbsolutePath().getParent() + " does not exist");
        }
        AdvisorySource source = db != null ? fromSnapshot(kevEntries) : fromAdvisories(kevEntries);
        MatchResult result;
        try {
            result = new Matcher(source.index()).scan(parsed);
        } catch (CorruptSnapshotException e) {
            throw e.input();
        }
        AdvisoryDatabase.Stats stats = source.stats();
        ScanContext context = new ScanContext(TandemVersion.current(),
                Instant.now(), source.advisorySources(), source.kevSources(),
                new ScanContext.AdvisoryCounts(stats.advisories(), stats.withdrawn(), stats.vulnerabilities(),
                        stats.kevEntries(), stats.kevMatched(), source.index().packageCount()),
                source.warnings());
        PrintWriter err = spec.commandLine().getErr();
        source.warnings().forEach(w -> err.println("tandem: warning: " + w));
        render(result, context);
        return failOn != null && result.anyAtOrAbove(failOn) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /** Where the advisories of a scan came from: the index to match against and what to say about it. */
    private record AdvisorySource(PackageIndex index, AdvisoryDatabase.Stats stats, List<String> advisorySources,
            List<String> kevSources, List<String> warnings) {
    }

    private AdvisorySource fromAdvisories(List<KevEntry> kevEntries) throws InputException {
        LoadOptions options = lenient ? LoadOptions.lenient() : LoadOptions.strict();
        AdvisoryLoad load;
        try (LoadProgress progress = LoadProgress.forStderr(spec.commandLine().getErr())) {
            load = AdvisoryLoader.load(advisories, options, progress);
        }
        AdvisoryDatabase database = AdvisoryDatabase.build(load.advisories(), kevEntries);
        List<String> warnings = new ArrayList<>();
        load.problems().forEach(problem -> warnings.add("skipped advisory: " + problem.getMessage()));
        if (load.skippedFiles() > 0) {
            warnings.add(load.skippedFiles() + " file(s) under the advisory paths are neither JSON nor YAML and were not read");
        }
        return new AdvisorySource(PackageIndex.build(database), database.stats(),
                advisories.stream().map(Path::toString).toList(), kev.stream().map(Path::toString).toList(), warnings);
    }

    private AdvisorySource fromSnapshot(List<KevEntry> kevEntries) throws InputException {
        Snapshot snapshot = Snapshot.load(db);
        SnapshotIndex index = snapshot.index(kevEntries);
        SnapshotProvenance provenance = snapshot.info().provenance();
        List<String> kevSources = new ArrayList<>();
        if (kevEntries.isEmpty()) {
            kevSources.addAll(provenance.kevSources());
        } else {
            Set<KevCatalog> replaced = EnumSet.noneOf(KevCatalog.class);
            kevEntries.forEach(entry -> replaced.add(entry.catalog()));
            snapshot.kevEntries().stream().filter(entry -> !replaced.contains(entry.catalog()))
                    .map(KevEntry::source).distinct().forEach(kevSources::add);
            kev.forEach(file -> kevSources.add(file.toString()));
        }
        return new AdvisorySource(index, index.stats(), provenance.advisorySources(), kevSources, List.of());
    }

    /** The --kev files, a directory standing for the .json files directly in it (sorted by name). */
    private List<Path> kevFiles() throws IOException, InputException {
        List<Path> files = new ArrayList<>();
        for (Path path : kev) {
            if (!Files.isDirectory(path)) {
                files.add(path);
                continue;
            }
            List<Path> inside;
            try (java.util.stream.Stream<Path> list = Files.list(path)) {
                inside = list.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json"))
                        .sorted().toList();
            }
            if (inside.isEmpty()) {
                throw new InputException(path, dev.tandem.input.InputPosition.UNKNOWN,
                        "the directory contains no KEV catalogue (.json file)");
            }
            files.addAll(inside);
        }
        return files;
    }

    private void render(MatchResult result, ScanContext context) throws IOException {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            format.renderer().render(result, context, out);
            out.flush();
            return;
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8))) {
            format.renderer().render(result, context, out);
        }
    }
}
