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
import dev.tandem.usecase.conformity.CatalogListRequest;
import dev.tandem.usecase.conformity.CatalogListResult;
import dev.tandem.usecase.conformity.CatalogListUseCase;
import dev.tandem.usecase.conformity.CatalogShowRequest;
import dev.tandem.usecase.conformity.CatalogShowResult;
import dev.tandem.usecase.conformity.CatalogShowUseCase;
import dev.tandem.usecase.conformity.UnknownCatalogException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tandem catalog list|show}: the requirement catalogs of the knowledge base. */
@Command(name = "catalog", description = "List and show the bundled requirement catalogs (CRA Annex I, NIST IR 8425, ETSI EN 303 645).",
        mixinStandardHelpOptions = true,
        subcommands = {CatalogCommand.ListCommand.class, CatalogCommand.ShowCommand.class})
public final class CatalogCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: list or show");
    }

    /** {@code tandem catalog list}. */
    @Command(name = "list", description = "List the catalogs with their requirement counts.", mixinStandardHelpOptions = true)
    static final class ListCommand implements Callable<Integer>, RendersFormats {
        @Spec
        CommandSpec spec;

        @Mixin
        FormatOption format;

        @Mixin
        CatalogOption catalog;

        @Override
        public Formats<?> formats() {
            return ConformityFormats.CATALOG_LIST;
        }

        @Override
        public Integer call() throws InputException {
            Renderer<CatalogListResult> renderer = format.pick(ConformityFormats.CATALOG_LIST);
            CatalogListResult result = new CatalogListUseCase(catalog.knowledgeBase()).run(new CatalogListRequest(Now.instant()));
            CommandStreams.print(renderer, result, spec);
            return 0;
        }
    }

    /** {@code tandem catalog show ID}. */
    @Command(name = "show", description = "Show every entry of one catalog with its source and confidence.", mixinStandardHelpOptions = true)
    static final class ShowCommand implements Callable<Integer>, RendersFormats {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The catalog id (see 'tandem catalog list').")
        String id;

        @Mixin
        FormatOption format;

        @Mixin
        CatalogOption catalog;

        @Override
        public Formats<?> formats() {
            return ConformityFormats.CATALOG_SHOW;
        }

        @Override
        public Integer call() throws InputException {
            Renderer<CatalogShowResult> renderer = format.pick(ConformityFormats.CATALOG_SHOW);
            CatalogShowResult result;
            try {
                result = new CatalogShowUseCase(catalog.knowledgeBase()).run(new CatalogShowRequest(id, Now.instant()));
            } catch (UnknownCatalogException e) {
                throw new UsageException(e.getMessage());
            }
            CommandStreams.print(renderer, result, spec);
            return 0;
        }
    }
}
