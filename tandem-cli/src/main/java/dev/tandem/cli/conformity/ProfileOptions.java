package dev.tandem.cli.conformity;

import dev.tandem.cli.options.CatalogOption;
import dev.tandem.input.InputException;
import dev.tandem.usecase.KnowledgeBase;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The shared options of the commands that judge a product profile with the SBOMs it references
 * ({@code assess}, {@code declaration}, {@code attestation}): {@code --product FILE},
 * {@code --allow-sbom-outside-folder} and the {@code --catalog} the profile is judged against.
 */
public final class ProfileOptions {

    @Option(names = "--product", required = true, paramLabel = "FILE", description = "The product profile (YAML or JSON).")
    Path product;

    @Option(names = ProfileFiles.ALLOW_OUTSIDE, description = "Read SBOMs the profile names outside its folder"
            + " (by default a path leaving the folder, absolute or through a symbolic link, is not read).")
    boolean allowSbomOutside;

    @Mixin
    CatalogOption catalog;

    /** The profile and the SBOMs it references, read under the folder rule. */
    ProfileFiles read() throws InputException {
        return ProfileFiles.read(product, allowSbomOutside);
    }

    /** The knowledge base to judge the profile against. */
    KnowledgeBase knowledgeBase() throws InputException {
        return catalog.knowledgeBase();
    }
}
