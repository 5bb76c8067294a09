package dev.tandem.cli.conformity;

import dev.tandem.conformity.label.Label;
import dev.tandem.conformity.label.LabelWriter;
import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.input.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tandem label --product FILE --out DIR}: the label text and QR code as SVG and PNG. */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = "Write the US Cyber Trust Mark label draft (text and a QR code to the registry entry) as label.svg, label.png and label.txt.")
public final class LabelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--product", required = true, paramLabel = "FILE", description = "product profile (YAML or JSON)")
    Path product;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder to write label.svg, label.png and label.txt to (created if missing)")
    Path outDir;

    @Override
    public Integer call() throws InputException, IOException {
        ProductProfile profile = ProductInput.read(product, spec.commandLine().getErr());
        Label label = LabelWriter.write(profile);
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("label.svg"), label.svg(), StandardCharsets.UTF_8);
        Files.write(outDir.resolve("label.png"), label.png());
        Files.writeString(outDir.resolve("label.txt"), String.join("\n", label.lines()) + "\n" + label.qrUrl() + "\n",
                StandardCharsets.UTF_8);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + outDir.resolve("label.svg") + ", " + outDir.resolve("label.png") + ", " + outDir.resolve("label.txt"));
        out.println("QR code: " + label.qrUrl());
        out.flush();
        return 0;
    }
}
