package dev.tandem.cli.conformity;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.conformity.registry.RegistryEntryWriter;
import dev.tandem.input.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tandem registry-entry --product FILE}: the US Cyber Trust Mark registry entry as CTA-2120 JSON. */
@Command(name = "registry-entry", mixinStandardHelpOptions = true,
        description = "Write the US Cyber Trust Mark registry entry as CTA-2120 1.0.0 JSON, validated against the bundled schema.")
public final class RegistryEntryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--product", required = true, paramLabel = "FILE", description = "product profile (YAML or JSON)")
    Path product;

    @Option(names = "--out", paramLabel = "FILE", description = "write to this file instead of standard output")
    Path outFile;

    @Override
    public Integer call() throws InputException, IOException {
        ProductProfile profile = ProductInput.read(product, spec.commandLine().getErr());
        ObjectNode entry = RegistryEntryWriter.writeValid(profile);
        String text = JsonOutput.text(entry) + System.lineSeparator();
        if (outFile != null) {
            Path parent = outFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(outFile, text, StandardCharsets.UTF_8);
            spec.commandLine().getErr().println("tandem: wrote " + outFile);
            spec.commandLine().getErr().flush();
        } else {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
