package dev.tandem.cli.conformity;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.options.CatalogOption;
import dev.tandem.cli.options.OutputOption;
import dev.tandem.input.InputException;
import dev.tandem.render.Renderer;
import dev.tandem.render.conformity.ConformityFormats;
import dev.tandem.usecase.conformity.NotEligibleException;
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
        description = "Write the US Cyber Trust Mark registry entry as CTA-2120 1.0.0 JSON, validated against the bundled schema. "
                + "Refused (exit 1) when the assessment shows a NIST IR 8425 outcome not met, unless --draft.")
public final class RegistryEntryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--product", required = true, paramLabel = "FILE", description = "The product profile (YAML or JSON).")
    Path product;

    @Option(names = "--draft", description = "When the product is not eligible (a NIST IR 8425 outcome assessed as not met), "
            + "write the entry anyway, marked \"not eligible\" in an eligibility field, and exit 1.")
    boolean draft;

    @Mixin
    OutputOption output;

    @Mixin
    CatalogOption catalog;

    @Override
    public Integer call() throws InputException, IOException {
        Renderer<RegistryEntryResult> renderer = ConformityFormats.REGISTRY_ENTRY.find("json").orElseThrow();
        RegistryEntryResult result;
        try {
            result = new RegistryEntryUseCase(catalog.knowledgeBase())
                    .run(new RegistryEntryRequest(ProfileFiles.profileOnly(product), draft));
        } catch (NotEligibleException e) {
            return CommandStreams.refused(e, spec);
        }
        CommandStreams.writeDocument(renderer, result, result.warnings(), output, spec);
        return result.eligibility().eligible() ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
