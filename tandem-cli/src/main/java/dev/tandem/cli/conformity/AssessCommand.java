package dev.tandem.cli.conformity;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.conformity.ConformityKnowledgeBase;
import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.Assessor;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.input.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tandem assess --product FILE}: the product's standing under the CRA and the US Cyber Trust Mark. */
@Command(name = "assess", mixinStandardHelpOptions = true,
        description = "Assess a product profile once and see its status in every regime, with derived statuses, coverage and gaps.")
public final class AssessCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { table, json, md, html }

    /** When the command exits with code 1. */
    enum FailOn { none, gaps }

    @Spec
    CommandSpec spec;

    @Option(names = "--product", required = true, paramLabel = "FILE", description = "product profile (YAML or JSON)")
    Path product;

    @Option(names = "--format", defaultValue = "table", description = "table, json, md or html (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--fail-on", defaultValue = "none", description = "none or gaps: exit 1 when a requirement of a market the product is sold in is not met (default: ${DEFAULT-VALUE})")
    FailOn failOn;

    @Override
    public Integer call() throws InputException {
        PrintWriter out = spec.commandLine().getOut();
        ProductProfile profile = ProductInput.read(product, spec.commandLine().getErr());
        Assessment assessment = new Assessor(ConformityKnowledgeBase.bundled()).assess(profile, ProductInput.baseDir(product));
        PrintWriter err = spec.commandLine().getErr();
        assessment.warnings().stream().filter(w -> !profile.warnings().contains(w))
                .forEach(w -> err.println("tandem: warning: " + w));
        err.flush();
        switch (format) {
            case json -> JsonOutput.print(out, assessment);
            case md -> out.print(AssessmentRenderer.markdown(assessment));
            case html -> out.print(AssessmentRenderer.html(assessment));
            case table -> out.print(AssessmentRenderer.table(assessment));
        }
        out.flush();
        return failOn == FailOn.gaps && assessment.hasGaps() ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
