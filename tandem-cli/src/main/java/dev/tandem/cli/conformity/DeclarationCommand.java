package dev.tandem.cli.conformity;

import dev.tandem.conformity.ConformityKnowledgeBase;
import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.Assessor;
import dev.tandem.conformity.declaration.DeclarationWriter;
import dev.tandem.conformity.declaration.Document;
import dev.tandem.conformity.declaration.HtmlRenderer;
import dev.tandem.conformity.declaration.MarkdownRenderer;
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

/** {@code tandem declaration --product FILE}: the draft EU declaration of conformity and the Annex VII/II checklists. */
@Command(name = "declaration", mixinStandardHelpOptions = true,
        description = "Write the draft EU declaration of conformity (CRA Annex V items) with the Annex VII technical-documentation and Annex II user-information checklists.")
public final class DeclarationCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format { md, html }

    @Spec
    CommandSpec spec;

    @Option(names = "--product", required = true, paramLabel = "FILE", description = "product profile (YAML or JSON)")
    Path product;

    @Option(names = "--format", defaultValue = "md", description = "md or html (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--out", paramLabel = "FILE", description = "write to this file instead of standard output")
    Path outFile;

    @Override
    public Integer call() throws InputException, IOException {
        ProductProfile profile = ProductInput.read(product, spec.commandLine().getErr());
        ConformityKnowledgeBase kb = ConformityKnowledgeBase.bundled();
        Assessment assessment = new Assessor(kb).assess(profile, ProductInput.baseDir(product));
        Document document = new DeclarationWriter(kb).write(profile, assessment);
        String text = format == Format.html ? HtmlRenderer.render(document) : MarkdownRenderer.render(document);
        if (outFile != null) {
            Path parent = outFile.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(outFile, text, StandardCharsets.UTF_8);
            spec.commandLine().getErr().println("tandem: wrote " + outFile);
            spec.commandLine().getErr().flush();
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
        return 0;
    }
}
