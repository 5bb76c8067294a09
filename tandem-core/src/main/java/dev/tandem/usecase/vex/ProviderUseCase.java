package dev.tandem.usecase.vex;

import dev.tandem.csaf.provider.ProviderDirectory;
import dev.tandem.csaf.provider.PublishedDocument;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.openpgp.SigningKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a CSAF trusted-provider directory from documents (and what the directory holds already), signed
 * with the user's key. Bad request values are {@link IllegalArgumentException}s; bad documents and keys
 * are {@link InputException}s naming the file.
 */
public final class ProviderUseCase {

    private static final Set<String> ROLES = Set.of("csaf_publisher", "csaf_provider", "csaf_trusted_provider");

    public ProviderResult run(ProviderRequest request) throws InputException {
        String base = request.baseUrl().strip().replaceAll("/+$", "");
        if (!base.startsWith("https://") || base.length() <= "https://".length()) {
            throw new IllegalArgumentException("the base URL must be an https URL (CSAF 2.0 requirement 3), such as"
                    + " https://example.com/.well-known/csaf, not '" + request.baseUrl() + "'");
        }
        if (!ROLES.contains(request.role())) {
            throw new IllegalArgumentException("unknown role '" + request.role() + "': expected csaf_publisher, csaf_provider"
                    + " or csaf_trusted_provider");
        }
        List<String> warnings = new ArrayList<>();
        if (!base.endsWith("/.well-known/csaf")) {
            warnings.add("the directory is not served at /.well-known/csaf (CSAF 2.0 requirement 9): aggregators look there"
                    + " first; name the location in security.txt (CSAF field) otherwise");
        }
        Map<String, PublishedDocument> byId = new LinkedHashMap<>();
        for (InputDocument document : request.existing()) {
            PublishedDocument read = PublishedDocument.read(document);
            byId.put(read.trackingId(), read);
        }
        List<String> published = new ArrayList<>();
        for (InputDocument document : request.documents()) {
            PublishedDocument read = PublishedDocument.read(document);
            if (read.status().equals("draft")) {
                throw new InputException(document.source(), InputPosition.pointer("/document/tracking/status"),
                        "is a draft: a provider publishes final or interim documents (write it with a status and the"
                                + " publisher's namespace)");
            }
            if (published.contains(read.trackingId())) {
                throw new InputException(document.source(), InputPosition.pointer("/document/tracking/id"),
                        "has the tracking id " + read.trackingId() + " of another document given");
            }
            if (!read.tlp().equals("WHITE")) {
                warnings.add(document.source() + " is TLP:" + read.tlp() + ": its folder must be served with access control"
                        + " (CSAF 2.0 requirement 5), never publicly");
            }
            byId.put(read.trackingId(), read);
            published.add(read.trackingId());
        }
        if (byId.isEmpty()) {
            throw new IllegalArgumentException("no CSAF document to publish");
        }
        SigningKey key = SigningKey.read(request.key(), request.passphrase());
        List<PublishedDocument> documents = new ArrayList<>(byId.values());
        return new ProviderResult(ProviderDirectory.build(documents, base, request.role(), request.listOnAggregators(),
                request.mirrorOnAggregators(), key, request.at()), key.fingerprint(), documents, published, warnings);
    }
}
