package dev.tandem.cli.vex;

import dev.tandem.cli.exit.ExitCode;
import dev.tandem.cli.options.InputFiles;
import dev.tandem.csaf.provider.ProviderFile;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.render.TextRenderer;
import dev.tandem.render.vex.VexFormats;
import dev.tandem.usecase.vex.ProviderRequest;
import dev.tandem.usecase.vex.ProviderResult;
import dev.tandem.usecase.vex.ProviderUseCase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tandem csaf-provider}: publish CSAF documents as a trusted-provider directory, hashed and signed. */
@Command(name = "csaf-provider",
        mixinStandardHelpOptions = true,
        description = {
                "Publish CSAF documents into a CSAF 2.0 trusted-provider directory (section 7.1): "
                        + "provider-metadata.json, a folder per TLP label and year, index.txt, changes.csv, a ROLIE feed, "
                        + ".sha256/.sha512 files and detached OpenPGP signatures made with your key.",
                "Documents already in the directory stay (a new one with the same tracking id replaces them); every "
                        + "index and signature is written anew.",
                "The key's passphrase comes from --passphrase-file or the TANDEM_SIGNING_PASSPHRASE environment "
                        + "variable.",
                "Exit codes: 0 written, 2 bad usage or input."})
public final class CsafProviderCommand implements Callable<Integer> {

    private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "CSAF", description = "CSAF 2.0 documents to publish (final or interim).")
    List<Path> documents = new ArrayList<>();

    @Option(names = "--dir", required = true, paramLabel = "DIR",
            description = "The directory served at the base URL (created when missing).")
    Path dir;

    @Option(names = "--base-url", required = true, paramLabel = "URL",
            description = "Where DIR is served, e.g. https://example.com/.well-known/csaf.")
    String baseUrl;

    @Option(names = "--key", required = true, paramLabel = "FILE",
            description = "Your OpenPGP secret key, armored (gpg --export-secret-keys --armor KEYID).")
    Path key;

    @Option(names = "--passphrase-file", paramLabel = "FILE", description = "A file whose first line is the key's passphrase.")
    Path passphraseFile;

    @Option(names = "--role", paramLabel = "ROLE",
            description = "The role in provider-metadata.json: csaf_trusted_provider (default), csaf_provider or csaf_publisher.")
    String role;

    @Option(names = "--no-aggregators", description = "Ask CSAF aggregators neither to list nor to mirror this provider.")
    boolean noAggregators;

    @Option(names = "--date", paramLabel = "INSTANT", description = "When this publication happens (default: now).")
    String date;

    @Override
    public Integer call() throws IOException, InputException {
        List<InputDocument> given = InputFiles.read(documents);
        ProviderResult result = Publishing.run(() -> new ProviderUseCase().run(new ProviderRequest(given, existing(), baseUrl,
                InputDocument.read(key), Publishing.passphrase(passphraseFile), role, !noAggregators, !noAggregators,
                Publishing.dateOrNow(date))));
        for (ProviderFile file : result.files()) {
            write(dir.resolve(file.path()), file.content());
        }
        PrintWriter err = spec.commandLine().getErr();
        result.warnings().forEach(w -> err.println("tandem: warning: " + w));
        PrintWriter out = spec.commandLine().getOut();
        if (VexFormats.provider().find("text").orElseThrow() instanceof TextRenderer<ProviderResult> text) {
            text.render(result, out);
        }
        out.flush();
        return ExitCode.OK;
    }

    /** The documents DIR holds already: {@code <tlp>/<year>/*.json}. */
    private List<InputDocument> existing() throws IOException, InputException {
        List<InputDocument> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        for (String tlp : List.of("white", "green", "amber", "red")) {
            Path folder = dir.resolve(tlp);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> years = Files.list(folder)) {
                for (Path year : years.filter(Files::isDirectory).filter(p -> YEAR.matcher(p.getFileName().toString()).matches())
                        .sorted().toList()) {
                    try (Stream<Path> files = Files.list(year)) {
                        for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                            found.add(InputDocument.read(file));
                        }
                    }
                }
            }
        }
        return found;
    }

    private static void write(Path target, byte[] content) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = folder.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        try {
            Files.write(partial, content);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
