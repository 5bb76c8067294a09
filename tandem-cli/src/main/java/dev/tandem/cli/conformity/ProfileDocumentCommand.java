package dev.tandem.cli.conformity;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.Now;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.Renderer;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.conformity.ProfileDocument;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A document drafted from a product profile ({@code declaration}, {@code attestation}): the profile options,
 * {@code --format} and {@code --output}; the draft's warnings on standard error, then the draft, then where it went.
 *
 * @param <R> the use case's result: the draft, its provenance and its warnings
 */
abstract class ProfileDocumentCommand<R extends ProfileDocument> implements Callable<Integer>, RendersFormats {

    @Spec
    CommandSpec spec;

    @Mixin
    ProfileOptions profile;

    @Mixin
    FormatOption format;

    @Mixin
    OutputOption output;

    /** The formats the draft is written in. */
    abstract Formats<R> documentFormats();

    /** Runs the use case on the profile and its SBOMs: drafted on {@code day} (UTC), generated at {@code now}. */
    abstract R draft(ProfileFiles files, KnowledgeBase knowledge, LocalDate day, Instant now) throws InputException;

    @Override
    public final Formats<?> formats() {
        return documentFormats();
    }

    @Override
    public final Integer call() throws InputException, IOException {
        Renderer<R> renderer = format.pick(documentFormats());
        ProfileFiles files = profile.read();
        Instant now = Now.instant();
        R result = draft(files, profile.knowledgeBase(), LocalDate.ofInstant(now, ZoneOffset.UTC), now);
        CommandStreams.writeDocument(renderer, result, result.warnings(), output, spec);
        return ExitCode.OK;
    }
}
