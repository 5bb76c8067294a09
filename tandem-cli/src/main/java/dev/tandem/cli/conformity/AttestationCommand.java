package dev.tandem.cli.conformity;

import dev.tandem.cli.options.CatalogOption;
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
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--product", required = true, paramLabel = "FILE", description = "The product profile (YAML or JSON).")
    Path product;

    @Option(names = ProfileFiles.ALLOW_OUTSIDE, description = "Read SBOMs the profile names outside its folder"
            + " (by default a path leaving the folder, absolute or through a symbolic link, is not read).")
    boolean allowSbomOutside;

    @Mixin
    FormatOption format;

    @Mixin
    OutputOption output;

    @Mixin
    CatalogOption catalog;

    @Override
    public Formats<?> formats() {
        return ConformityFormats.ATTESTATION;
    }

    @Override
    public Integer call() throws InputException, IOException {
        Renderer<AttestationResult> renderer = format.pick(ConformityFormats.ATTESTATION);
        ProfileFiles files = ProfileFiles.read(product, allowSbomOutside);
        AttestationResult result = new AttestationUseCase(catalog.knowledgeBase())
                .run(new AttestationRequest(files.profile(), files.sboms(), LocalDate.now()));
        CommandStreams.warn(result.warnings(), spec);
        output.write(renderer, result, spec);
        if (output.file() != null) {
            spec.commandLine().getErr().println("tandem: wrote " + output.file());
            spec.commandLine().getErr().flush();
        }
        return 0;
    }
}
