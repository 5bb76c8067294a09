package dev.tandem.cli.scan;

import dev.tandem.cli.options.InputFiles;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.usecase.scan.KevInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The {@code --kev} paths as documents: a file is one catalogue, a directory stands for the .json
 * files directly in it (a JSON Schema among them is skipped by the use case, with a warning).
 */
public final class KevFiles {

    private KevFiles() {
    }

    /** Reads every path given, in order. */
    public static List<KevInput> read(List<Path> paths) throws IOException, InputException {
        List<KevInput> inputs = new ArrayList<>(paths.size());
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                inputs.add(KevInput.of(InputDocument.read(path)));
                continue;
            }
            List<Path> inside;
            try (Stream<Path> list = Files.list(path)) {
                inside = list.filter(Files::isRegularFile)
                        .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                        .sorted().toList();
            }
            if (inside.isEmpty()) {
                throw new InputException(path, InputPosition.UNKNOWN, "the directory contains no KEV catalogue (.json file)");
            }
            inputs.add(KevInput.folder(path.toString(), InputFiles.read(inside)));
        }
        return inputs;
    }
}
