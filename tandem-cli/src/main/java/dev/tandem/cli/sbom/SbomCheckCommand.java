package dev.tandem.cli.sbom;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.tandem.cli.exit.ExitCode;
import dev.tandem.input.InputException;
import dev.tandem.input.JsonInput;
import dev.tandem.sbom.quality.QualityChecker;
import dev.tandem.sbom.quality.QualityProfile;
import dev.tandem.sbom.quality.QualityReport;
import dev.tandem.sbom.quality.SbomFactsReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tandem sbom check FILE}: per-field coverage and violations against BSI TR-03183-2 or NTIA. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check an SBOM's fields against BSI TR-03183-2 v2.1 or the NTIA minimum elements; exit 1 below the profile.")
public final class SbomCheckCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "SBOM file (CycloneDX JSON/XML, SPDX 2.3 JSON/tag-value)")
    Path file;

    @Option(names = "--profile", defaultValue = "tr-03183-2", paramLabel = "PROFILE",
            description = "tr-03183-2 or ntia (default: ${DEFAULT-VALUE})")
    String profile;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE})")
    Format format;

    private static final ObjectMapper JSON = JsonInput.json().copy().enable(SerializationFeature.INDENT_OUTPUT)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @Override
    public Integer call() throws InputException, JsonProcessingException {
        QualityProfile chosen = QualityProfile.bundled(profile.strip().toLowerCase(Locale.ROOT)).orElseThrow(() -> new dev.tandem.cli.exit.UsageException(
                "unknown profile '" + profile + "'; known: tr-03183-2, ntia"));
        QualityReport report = QualityChecker.check(SbomFactsReader.read(file), chosen);
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            out.println(JSON.writeValueAsString(report));
        } else {
            out.println(report.sbom() + " against " + report.profileTitle() + ": " + (report.passed() ? "PASSED" : "BELOW THE PROFILE")
                    + " (" + report.components() + " components)");
            out.println();
            out.printf(Locale.ROOT, "%-10s %-20s %-9s %9s  %s%n", "LEVEL", "FIELD", "REQUIRED", "COVERAGE", "TITLE");
            for (QualityReport.FieldResult f : report.fields()) {
                String coverage = f.verifiable() ? String.format(Locale.ROOT, "%.1f%%", f.coverage() * 100) : "unknown";
                out.printf(Locale.ROOT, "%-10s %-20s %-9s %9s  %s%n", f.level(), f.field(), f.obligation().equals("required") ? "yes" : "no",
                        coverage, f.title());
            }
            if (!report.violations().isEmpty()) {
                out.println();
                out.println("Violations (" + report.violations().size() + "):");
                for (QualityReport.Violation v : report.violations()) {
                    out.println("  " + v.level() + " " + v.field() + ": " + v.message()
                            + (v.examples().isEmpty() ? "" : "; e.g. " + String.join(", ", v.examples())));
                }
            }
        }
        out.flush();
        return report.passed() ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
