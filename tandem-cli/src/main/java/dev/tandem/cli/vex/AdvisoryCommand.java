package dev.tandem.cli.vex;

import dev.tandem.cli.options.OutputOption;
import dev.tandem.csaf.CsafProfile;
import dev.tandem.input.InputException;
import dev.tandem.render.vex.VexFormats;
import dev.tandem.usecase.vex.AdvisoryRequest;
import dev.tandem.usecase.vex.AdvisoryResult;
import dev.tandem.usecase.vex.AdvisoryUseCase;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem advisory}: a CSAF 2.0 document (VEX or security advisory) from the findings and the triage decisions. */
@Command(name = "advisory",
        mixinStandardHelpOptions = true,
        description = {
                "Write a CSAF 2.0 document from the findings of a scan and the triage decisions about them: csaf_vex "
                        + "(what is and is not exploitable) or csaf_security_advisory (what was fixed, what users do).",
                "Valid against the OASIS CSAF 2.0 schema and the mandatory tests of section 6.1.",
                "Exit codes: 0 written, 2 bad usage or input."})
public final class AdvisoryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    FindingsOptions findings;

    @Option(names = "--profile", required = true, paramLabel = "PROFILE", description = "The CSAF profile: csaf_vex or csaf_security_advisory.")
    String profile;

    @Mixin
    PublisherOptions publisher;

    @Mixin
    TrackingOptions tracking;

    @Mixin
    OutputOption output;

    @Override
    public Integer call() throws IOException, InputException {
        CsafProfile csafProfile = Publishing.run(() -> CsafProfile.of(profile));
        return Publishing.publish(VexFormats.advisory().find("csaf").orElseThrow(), () -> new AdvisoryUseCase().run(
                new AdvisoryRequest(findings.scan(), findings.decisions(), csafProfile, publisher.publisher(),
                        tracking.tracking())), AdvisoryResult::warnings, output, spec);
    }
}
