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
import dev.tandem.usecase.conformity.DeclarationRequest;
import dev.tandem.usecase.conformity.DeclarationResult;
import dev.tandem.usecase.conformity.DeclarationUseCase;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code tandem declaration --product FILE}: the draft EU declaration of conformity and the Annex VII/II checklists. */
@Command(name = "declaration", mixinStandardHelpOptions = true,
        description = "Write the draft EU declaration of conformity (CRA Annex V items) with the Annex VII technical-documentation and Annex II user-information checklists.")
public final class DeclarationCommand implements Callable<Integer>, RendersFormats {

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
        return ConformityFormats.DECLARATION;
    }

    @Override
    public Integer call() throws InputException, IOException {
        Renderer<DeclarationResult> renderer = format.pick(ConformityFormats.DECLARATION);
        ProfileFiles files = profile.read();
        Instant now = Now.instant();
        DeclarationResult result = new DeclarationUseCase(profile.knowledgeBase())
                .run(new DeclarationRequest(files.profile(), files.sboms(), LocalDate.ofInstant(now, ZoneOffset.UTC), now));
        CommandStreams.writeDocument(renderer, result, result.warnings(), output, spec);
        return ExitCode.OK;
    }
}
