package dev.tandem.cli.vex;

import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.vex.VexFormats;
import dev.tandem.usecase.vex.VexRequest;
import dev.tandem.usecase.vex.VexResult;
import dev.tandem.usecase.vex.VexUseCase;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tandem vex}: the triage decisions about the findings as CycloneDX VEX or OpenVEX. */
@Command(name = "vex",
        mixinStandardHelpOptions = true,
        description = {
                "Write the triage decisions about a scan's findings as VEX: CycloneDX 1.6 or OpenVEX 0.2.0.",
                "Every finding gets a statement; one without a decision is under investigation.",
                "Exit codes: 0 written, 2 bad usage or input."})
public final class VexCommand implements Callable<Integer>, RendersFormats {

    @Spec
    CommandSpec spec;

    @Mixin
    FindingsOptions findings;

    @Mixin
    PublisherOptions publisher;

    @Mixin
    FormatOption format;

    @Mixin
    OutputOption output;

    @Override
    public Formats<VexResult> formats() {
        return VexFormats.vex();
    }

    @Override
    public Integer call() throws IOException, InputException {
        return Publishing.publish(format.pick(formats()), () -> new VexUseCase().run(new VexRequest(findings.scan(),
                findings.decisions(), publisher.publisher())), VexResult::warnings, output, spec);
    }
}
