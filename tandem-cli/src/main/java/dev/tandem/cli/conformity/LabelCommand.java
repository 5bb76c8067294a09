package dev.tandem.cli.conformity;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.options.CatalogOption;
import dev.tandem.input.InputException;
import dev.tandem.render.Formats;
import dev.tandem.render.conformity.ConformityFormats;
import dev.tandem.usecase.conformity.LabelRequest;
import dev.tandem.usecase.conformity.LabelResult;
import dev.tandem.usecase.conformity.LabelUseCase;
import dev.tandem.usecase.conformity.NotEligibleException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tandem label --product FILE --out DIR}: the label text and QR code as SVG and PNG. */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = "Write the US Cyber Trust Mark label draft (text and a QR code to the registry entry) as label.svg, label.png and label.txt. "
                + "Refused (exit 1) when the assessment shows a NIST IR 8425 outcome not met, unless --draft.")
public final class LabelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--product", required = true, paramLabel = "FILE", description = "The product profile (YAML or JSON).")
    Path product;

    // A folder, not one file: the label is written in every format at once, so OutputOption does not fit.
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write label.svg, label.png and label.txt to (created if missing).")
    Path outDir;

    @Option(names = "--draft", description = "When the product is not eligible (a NIST IR 8425 outcome assessed as not met), "
            + "write the label anyway with a \"not eligible\" banner across it, and exit 1.")
    boolean draft;

    @Mixin
    CatalogOption catalog;

    @Override
    public Integer call() throws InputException, IOException {
        LabelResult result;
        try {
            result = new LabelUseCase(catalog.knowledgeBase()).run(new LabelRequest(ProfileFiles.profileOnly(product), draft));
        } catch (NotEligibleException e) {
            return CommandStreams.refused(e, spec);
        }
        CommandStreams.warn(result.warnings(), spec);
        Files.createDirectories(outDir);
        Formats<LabelResult> formats = ConformityFormats.LABEL;
        List<String> written = new ArrayList<>();
        for (String name : formats.names()) {
            Path file = outDir.resolve("label." + name);
            try (OutputStream out = Files.newOutputStream(file)) {
                formats.find(name).orElseThrow().write(result, out);
            }
            written.add(file.toString());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Wrote " + String.join(", ", written));
        out.println("QR code: " + result.label().qrUrl());
        if (!result.eligibility().eligible()) {
            out.println("Marked: " + result.label().banner());
        }
        out.flush();
        return result.eligibility().eligible() ? ExitCode.OK : ExitCode.FINDINGS;
    }
}
