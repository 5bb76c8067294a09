package dev.tandem.usecase.vex;

import dev.tandem.csaf.provider.ProviderFile;
import dev.tandem.csaf.provider.PublishedDocument;
import java.util.List;

/**
 * The directory's files (every one, to be written under the directory), the signing key's fingerprint,
 * the documents it holds (paths under the directory), the tracking ids added or replaced by this run,
 * and warnings.
 */
public record ProviderResult(List<ProviderFile> files, String fingerprint, List<PublishedDocument> documents,
        List<String> published, List<String> warnings) {

    public ProviderResult {
        files = List.copyOf(files);
        documents = List.copyOf(documents);
        published = List.copyOf(published);
        warnings = List.copyOf(warnings);
    }
}
