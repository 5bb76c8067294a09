package dev.tandem.cli.conformity;

import dev.tandem.cli.options.Now;
import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.Renderer;
import dev.tandem.render.conformity.ConformityFormats;
import dev.tandem.usecase.conformity.AttestationRequest;
import dev.tandem.usecase.conformity.AttestationResult;
import dev.tandem.usecase.conformity.AttestationUseCase;
import java.io.IOException;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tandem attestation --product FILE}: the draft CISA Secure Software Development Attestation Form,
 * every Section III item the profile's evidence does not support marked UNSUPPORTED.
 */
@Command(name = "attestation", mixinStandardHelpOptions = true,
        description = "Draft the CISA Secure Software Development Attestation Form (Common Form) from a product profile, marking each item the evidence does not support.")
public final class AttestationCommand implements Callable<Integer>, RendersFormats {

    @Spec
    CommandSpec spec;

    @Mixin
    ProfileOptions profile;

    @Mixin
    FormatOption format;

    @Mixin
    OutputOption output;

    @Override
    public Formats<?> formats() {
        return ConformityFormats.ATTESTATION;
    }

    @Override
    public Integer call() throws InputException, IOException {
        Renderer<AttestationResult> renderer = format.pick(ConformityFormats.ATTESTATION);
        ProfileFiles files = profile.read();
        AttestationResult result = new AttestationUseCase(profile.knowledgeBase())
                .run(new AttestationRequest(files.profile(), files.sboms(), Now.today()));
        CommandStreams.writeDocument(renderer, result, result.warnings(), output, spec);
        return ExitCode.OK;
    }
}
