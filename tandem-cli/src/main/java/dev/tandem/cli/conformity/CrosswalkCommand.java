package dev.tandem.cli.conformity;

import dev.tandem.cli.exit.UsageException;
import dev.tandem.cli.options.CatalogOption;
import dev.tandem.cli.options.FormatOption;
import dev.tandem.cli.options.Now;
import dev.tandem.cli.options.RendersFormats;
import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.Renderer;
import dev.tandem.render.conformity.ConformityFormats;
import dev.tandem.usecase.conformity.CrosswalkRequest;
import dev.tandem.usecase.conformity.CrosswalkResult;
import dev.tandem.usecase.conformity.CrosswalkUseCase;
import dev.tandem.usecase.conformity.NoCrosswalkException;
import dev.tandem.usecase.conformity.UnknownCatalogException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem crosswalk --from ID --to ID}: the mapping between two catalogs. */
@Command(name = "crosswalk", mixinStandardHelpOptions = true,
        description = "Show the crosswalk between two catalogs, each mapping with its NIST IR 8477 relationship, rationale and sources.")
public final class CrosswalkCommand implements Callable<Integer>, RendersFormats {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "ID", description = "The source catalog id.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ID", description = "The target catalog id.")
    String to;

    @Mixin
    FormatOption format;

    @Mixin
    CatalogOption catalog;

    @Override
    public Formats<?> formats() {
        return ConformityFormats.CROSSWALK;
    }

    @Override
    public Integer call() throws InputException {
        Renderer<CrosswalkResult> renderer = format.pick(ConformityFormats.CROSSWALK);
        CrosswalkResult result;
        try {
            result = new CrosswalkUseCase(catalog.knowledgeBase()).run(new CrosswalkRequest(from, to, Now.instant()));
        } catch (UnknownCatalogException e) {
            throw new UsageException("unknown catalog '" + e.id() + "'; see 'tandem catalog list'");
        } catch (NoCrosswalkException e) {
            throw new UsageException(e.getMessage() + "; see 'tandem catalog list'");
        }
        CommandStreams.print(renderer, result, spec);
        return 0;
    }
}
