package dev.tandem.usecase.scan;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.lockfile.LockfileDocuments;
import dev.tandem.lockfile.Lockfiles;
import dev.tandem.sbom.Sbom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One SBOM to scan: a document to parse, an SBOM a front end parsed already, or a package manager's
 * lockfile read as an SBOM (docs/formats/lockfiles.md).
 */
public sealed interface SbomInput {

    /** An SBOM document of any supported format (detected from the content). */
    record Document(InputDocument document) implements SbomInput {
        public Document {
            Objects.requireNonNull(document, "document");
        }
    }

    /**
     * An SBOM parsed already. Without its text, locations point at the first line of the document.
     */
    record Parsed(Sbom sbom) implements SbomInput {
        public Parsed {
            Objects.requireNonNull(sbom, "sbom");
        }
    }

    /**
     * A lockfile (package-lock.json, yarn.lock, pnpm-lock.yaml, Cargo.lock, go.mod, poetry.lock, uv.lock, a pip
     * requirements file, composer.lock, Gemfile.lock, {@code mvn dependency:list} output) with the files read
     * beside it (the go.sum of a go.mod). Its format is told by the file name, else by the content.
     */
    record Lockfile(LockfileDocuments documents) implements SbomInput {
        public Lockfile {
            Objects.requireNonNull(documents, "documents");
        }
    }

    /**
     * The lockfiles among {@code documents}, each go.sum joined to the go.mod of its folder.
     *
     * @throws InputException for a go.sum given without the go.mod of its folder
     */
    static List<SbomInput> lockfiles(List<InputDocument> documents) throws InputException {
        List<SbomInput> inputs = new ArrayList<>();
        for (LockfileDocuments grouped : Lockfiles.group(documents)) {
            inputs.add(new Lockfile(grouped));
        }
        return inputs;
    }

    /** The SBOM of a document. */
    static SbomInput of(InputDocument document) {
        return new Document(document);
    }
}
