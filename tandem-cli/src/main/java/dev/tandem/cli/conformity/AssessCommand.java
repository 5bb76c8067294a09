package dev.tandem.cli.conformity;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.Now;
import dev.tandem.cli.scan.KevFiles;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.Renderer;
import dev.tandem.render.conformity.ConformityFormats;
import dev.tandem.usecase.conformity.AssessRequest;
import dev.tandem.usecase.conformity.AssessResult;
import dev.tandem.usecase.conformity.AssessUseCase;
import dev.tandem.usecase.scan.AdvisoryInput;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tandem assess --product FILE}: the product's standing under the CRA, the US Cyber Trust Mark and,
 * when the profile asks, Secure by Design and the AI catalogs; with advisory data, its SBOMs are scanned for
 * known-exploited components.
 */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess a product profile once and see its status in every regime, with derived statuses, coverage and gaps.")
public final class AssessCommand implements Callable<Integer>, RendersFormats {

    /** When the command exits with code 1. */
    enum FailOn { none, gaps }

    @Spec
    CommandSpec spec;

    @Mixin
    ProfileOptions profile;

    @Mixin
    FormatOption format;

    @Option(names = "--fail-on", defaultValue = "none", description = "When to exit 1: gaps (a requirement of a market the product is sold in is not met, or the profile's evidence contradicts itself) or none (default: ${DEFAULT-VALUE}).")
    FailOn failOn;

    @Mixin
    OutputOption output;

    @Option(names = "--advisories", arity = "1..*", paramLabel = "PATH",
            description = "OSV advisories (files, directories, zip archives) to scan the profile's SBOMs against for the"
                    + " Secure by Design known-exploited check; with --kev.")
    List<Path> advisories = new ArrayList<>();

    @Option(names = "--db", paramLabel = "FILE",
            description = "An advisory snapshot ('tandem db build'), instead of --advisories, for the known-exploited check.")
    Path db;

    @Option(names = "--kev", arity = "1..*", paramLabel = "FILE",
            description = "Known-exploited catalogues (CISA KEV, EU KEV JSON, or directories of them); need --advisories or --db."
                    + " Without advisory data the known-exploited check is 'not determined'.")
    List<Path> kev = new ArrayList<>();

    @Override
    public Formats<?> formats() {
        return ConformityFormats.ASSESSMENT;
    }

    @Override
    public Integer call() throws InputException, IOException {
        if (!advisories.isEmpty() && db != null) {
            throw new UsageException("give one source of advisories: --advisories PATH... or --db FILE");
        }
        if (!kev.isEmpty() && advisories.isEmpty() && db == null) {
            throw new UsageException("--kev needs --advisories or --db: known-exploited entries join advisories through CVE aliases");
        }
        Renderer<AssessResult> renderer = format.pick(ConformityFormats.ASSESSMENT);
        ProfileFiles files = profile.read();
        AdvisoryInput source = db != null ? new AdvisoryInput.SnapshotFile(db)
                : advisories.isEmpty() ? null : new AdvisoryInput.Paths(advisories, false, null);
        Instant now = Now.instant();
        AssessResult result = new AssessUseCase(profile.knowledgeBase())
                .run(new AssessRequest(files.profile(), files.sboms(), LocalDate.ofInstant(now, ZoneOffset.UTC), now)
                        .withAdvisories(source, KevFiles.read(kev)));
        CommandStreams.warn(result.warnings(), spec);
        output.write(renderer, result, spec);
        boolean findings = result.hasGaps() || result.assessment().hasContradictions();
        return failOn == FailOn.gaps && findings ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
