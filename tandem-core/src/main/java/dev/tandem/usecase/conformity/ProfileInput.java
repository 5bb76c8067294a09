package dev.tandem.usecase.conformity;

import dev.tandem.conformity.profile.ProductProfile;
import dev.tandem.conformity.profile.ProductProfileReader;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.usecase.Provenance;
import java.util.List;
import java.util.Objects;

/** A product profile as a use case takes it: the document as given, or already parsed. */
public sealed interface ProfileInput permits ProfileInput.Document, ProfileInput.Parsed {

    /** The largest profile read, in bytes; a front end reading a file can stop there. */
    long MAX_BYTES = ProductProfileReader.MAX_BYTES;

    /** The profile, parsed now when it is still a document. */
    ProductProfile profile() throws InputException;

    /** The profile as an input of a document: hashed when its bytes are known. */
    default Provenance.Input input() {
        return switch (this) {
            case Document d -> Provenance.Input.of("product profile", d.document());
            case Parsed p -> p.document() != null ? Provenance.Input.of("product profile", p.document())
                    : Provenance.Input.named("product profile", p.profile().source());
        };
    }

    /** A profile document (YAML, or JSON when the source name ends in {@code .json}). */
    static ProfileInput of(InputDocument document) {
        return new Document(document);
    }

    /** A profile parsed already. */
    static ProfileInput of(ProductProfile profile) {
        return new Parsed(profile);
    }

    /** Parses a document now, for front ends that need the SBOM references before they build a request. */
    static Parsed parse(InputDocument document) throws InputException {
        return new Parsed(ProductProfileReader.read(document), document);
    }

    /** The profile's bytes and the name its errors give. */
    record Document(InputDocument document) implements ProfileInput {
        public Document {
            Objects.requireNonNull(document, "document");
        }

        @Override
        public ProductProfile profile() throws InputException {
            return ProductProfileReader.read(document);
        }
    }

    /** A parsed profile, with the document it was read from when known (outputs print its hash). */
    record Parsed(ProductProfile profile, InputDocument document) implements ProfileInput {
        public Parsed {
            Objects.requireNonNull(profile, "profile");
        }

        /** A profile parsed from a document not kept. */
        public Parsed(ProductProfile profile) {
            this(profile, null);
        }

        /** The SBOM paths the profile references, as written in it (remote URLs left out). */
        public List<String> sbomPaths() {
            return profile.sboms().stream().map(ProductProfile.SbomReference::path).filter(Objects::nonNull).toList();
        }
    }
}
