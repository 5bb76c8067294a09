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
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A document drafted from a product profile ({@code declaration}, {@code attestation}): the profile options,
 * {@code --format} and {@code --output}; the draft's warnings on standard error, then the draft, then where it went.
 *
 * @param <R> the use case's result
 */
abstract class ProfileDocumentCommand<R> implements Callable<Integer>, RendersFormats {

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

    /** Runs the use case on the profile and its SBOMs, generated at {@code now}. */
    abstract R draft(ProfileFiles files, KnowledgeBase knowledge, Instant now) throws InputException;

    /** What the use case noticed but could carry on with. */
    abstract List<String> warnings(R result);

    @Override
    public final Formats<?> formats() {
        return documentFormats();
    }

    @Override
    public final Integer call() throws InputException, IOException {
        Renderer<R> renderer = format.pick(documentFormats());
        ProfileFiles files = profile.read();
        R result = draft(files, profile.knowledgeBase(), Now.instant());
        CommandStreams.writeDocument(renderer, result, warnings(result), output, spec);
        return ExitCode.OK;
    }
}
