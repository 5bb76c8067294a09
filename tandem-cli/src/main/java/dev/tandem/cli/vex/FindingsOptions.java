package dev.tandem.cli.vex;

import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.InputFiles;
import dev.tandem.cli.scan.KevFiles;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.SbomInput;
import dev.tandem.usecase.scan.ScanRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The inputs every publishing command shares: what a scan takes, plus the triage decisions and the date. */
public final class FindingsOptions {

    @Option(names = "--sbom", arity = "1..*", required = true, paramLabel = "FILE",
            description = "SBOMs of the product's releases: CycloneDX (JSON/XML 1.2-1.6) or SPDX 2.3 (JSON, tag-value).")
    List<Path> sboms = new ArrayList<>();

    @Option(names = "--advisories", arity = "1..*", paramLabel = "PATH",
            description = "OSV advisories: JSON or YAML files, directories, or zip archives.")
    List<Path> advisories = new ArrayList<>();

    @Option(names = "--db", paramLabel = "FILE", description = "An advisory snapshot built by 'tandem db build', instead of --advisories.")
    Path db;

    @Option(names = "--kev", arity = "1..*", paramLabel = "FILE",
            description = "Known-exploited catalogues (CISA KEV, EU KEV JSON) or directories holding them.")
    List<Path> kev = new ArrayList<>();

    @Option(names = "--decisions", arity = "1..*", required = true, paramLabel = "FILE",
            description = "Triage decisions (YAML or JSON, docs/formats/decisions.md).")
    List<Path> decisions = new ArrayList<>();

    @Option(names = "--date", paramLabel = "INSTANT",
            description = "The date of this revision, e.g. 2026-11-06T10:00:00Z (default: now).")
    String date;

    /** The scan to run; its instant is {@code --date} or now. */
    public ScanRequest scan() throws IOException, InputException {
        if (advisories.isEmpty() == (db == null)) {
            throw new UsageException("give exactly one source of advisories: --advisories PATH... or --db FILE");
        }
        List<SbomInput> inputs = InputFiles.read(sboms).stream().map(SbomInput::of).toList();
        AdvisoryInput source = db != null ? new AdvisoryInput.SnapshotFile(db)
                : new AdvisoryInput.Paths(advisories, false, null);
        return new ScanRequest(inputs, source, KevFiles.read(kev), Publishing.dateOrNow(date));
    }

    /** The decisions files, read. */
    public List<InputDocument> decisions() throws InputException {
        return InputFiles.read(decisions);
    }
}
