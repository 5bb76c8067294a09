package dev.tandem.cli.conformity;

import dev.tandem.cli.options.CatalogOption;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.Renderer;
import dev.tandem.render.conformity.ConformityFormats;
import dev.tandem.usecase.conformity.DeclarationRequest;
import dev.tandem.usecase.conformity.DeclarationResult;
import dev.tandem.usecase.conformity.DeclarationUseCase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem declaration --product FILE}: the draft EU declaration of conformity and the Annex VII/II checklists. */
@Command(name = "declaration", mixinStandardHelpOptions = true,
        description = "Write the draft EU declaration of conformity (CRA Annex V items) with the Annex VII technical-documentation and Annex II user-information checklists.")
public final class DeclarationCommand implements Callable<Integer>, RendersFormats {

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
        return ConformityFormats.DECLARATION;
    }

    @Override
    public Integer call() throws InputException, IOException {
        Renderer<DeclarationResult> renderer = format.pick(ConformityFormats.DECLARATION);
        ProfileFiles files = ProfileFiles.read(product, allowSbomOutside);
        Instant now = Instant.now();
        DeclarationResult result = new DeclarationUseCase(catalog.knowledgeBase())
                .run(new DeclarationRequest(files.profile(), files.sboms(), LocalDate.ofInstant(now, ZoneOffset.UTC), now));
        CommandStreams.warn(result.warnings(), spec);
        output.write(renderer, result, spec);
        if (output.file() != null) {
            spec.commandLine().getErr().println("tandem: wrote " + output.file());
            spec.commandLine().getErr().flush();
        }
        return 0;
    }
}
