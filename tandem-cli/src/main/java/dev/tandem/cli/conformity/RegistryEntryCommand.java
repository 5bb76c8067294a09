package dev.tandem.cli.conformity;

import dev.tandem.cli.options.CatalogOption;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.input.InputException;
import dev.tandem.render.Renderer;
import dev.tandem.render.conformity.ConformityFormats;
import dev.tandem.usecase.conformity.RegistryEntryRequest;
import dev.tandem.usecase.conformity.RegistryEntryResult;
import dev.tandem.usecase.conformity.RegistryEntryUseCase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem registry-entry --product FILE}: the US Cyber Trust Mark registry entry as CTA-2120 JSON. */
@Command(name = "registry-entry", mixinStandardHelpOptions = true,
        description = "Write the US Cyber Trust Mark registry entry as CTA-2120 1.0.0 JSON, validated against the bundled schema.")
public final class RegistryEntryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--product", required = true, paramLabel = "FILE", description = "The product profile (YAML or JSON).")
    Path product;

    @Mixin
    OutputOption output;

    @Mixin
    CatalogOption catalog;

    @Override
    public Integer call() throws InputException, IOException {
        Renderer<RegistryEntryResult> renderer = ConformityFormats.REGISTRY_ENTRY.find("json").orElseThrow();
        RegistryEntryResult result = new RegistryEntryUseCase(catalog.knowledgeBase())
                .run(new RegistryEntryRequest(ProfileFiles.profileOnly(product)));
        CommandStreams.warn(result.warnings(), spec);
        output.write(renderer, result, spec);
        if (output.file() != null) {
            spec.commandLine().getErr().println("tandem: wrote " + output.file());
            spec.commandLine().getErr().flush();
        }
        return 0;
    }
}
