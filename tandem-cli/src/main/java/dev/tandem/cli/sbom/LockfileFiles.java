package dev.tandem.cli.sbom;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.usecase.sbom.LockfileCompanions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The lockfiles given on the command line as documents, with the go.sum beside each go.mod when it exists. */
public final class LockfileFiles {

    private LockfileFiles() {
    }

    /** Reads every file given, then each companion found beside one and not given. */
    public static List<InputDocument> read(List<Path> files) throws InputException {
        Set<Path> given = new LinkedHashSet<>();
        files.forEach(f -> given.add(f.toAbsolutePath().normalize()));
        List<InputDocument> documents = new ArrayList<>(files.size());
        List<Path> companions = new ArrayList<>();
        for (Path file : files) {
            documents.add(InputDocument.read(file));
            Optional<String> companion = LockfileCompanions.of(file.toString());
            if (companion.isPresent()) {
                Path beside = Path.of(companion.get());
                if (Files.isRegularFile(beside) && !given.contains(beside.toAbsolutePath().normalize())) {
                    companions.add(beside);
                }
            }
        }
        for (Path companion : companions) {
            documents.add(InputDocument.read(companion));
        }
        return documents;
    }
}
