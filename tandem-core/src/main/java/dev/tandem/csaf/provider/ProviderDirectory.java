package dev.tandem.csaf.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.openpgp.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the files of a CSAF trusted-provider directory (CSAF 2.0 §7.1), served at
 * {@code https://<domain>/.well-known/csaf/} (requirement 9):
 * <pre>
 * provider-metadata.json                  requirement 7: role, distributions, public keys
 * openpgp/FINGERPRINT.asc                 the public key the signatures verify against
 * white/index.txt, white/changes.csv      requirements 12, 13 (changes newest first)
 * white/csaf-feed-tlp-white.json          requirement 15: ROLIE feed
 * white/2026/id.json (+ .sha256 .sha512 .asc)   requirements 11, 18, 19
 * </pre>
 * One such folder per TLP label present; only WHITE documents may be served without access control
 * (requirements 4 and 5), which the caller is told.
 */
public final class ProviderDirectory {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ProviderDirectory() {
    }

    /**
     * The files of a directory holding {@code documents}.
     *
     * @param baseUrl  where the directory is served, without a trailing slash (https://example.com/.well-known/csaf)
     * @param role     csaf_publisher, csaf_provider or csaf_trusted_provider
     */
    public static List<ProviderFile> build(List<PublishedDocument> documents, String baseUrl, String role,
            boolean listOnAggregators, boolean mirrorOnAggregators, SigningKey key, Instant at) {
        List<ProviderFile> files = new ArrayList<>();
        String keyPath = "openpgp/" + key.fingerprint() + ".asc";
        files.add(new ProviderFile(keyPath, key.armoredPublicKey().getBytes(StandardCharsets.US_ASCII)));
        Map<String, List<PublishedDocument>> byTlp = new LinkedHashMap<>();
        documents.stream().sorted(Comparator.comparing(PublishedDocument::tlpFolder).thenComparing(PublishedDocument::path))
                .forEach(d -> byTlp.computeIfAbsent(d.tlpFolder(), t -> new ArrayList<>()).add(d));
        ObjectNode metadata = JSON.createObjectNode();
        metadata.put("canonical_url", baseUrl + "/provider-metadata.json");
        ArrayNode distributions = metadata.putArray("distributions");
        for (Map.Entry<String, List<PublishedDocument>> tlp : byTlp.entrySet()) {
            String folder = tlp.getKey();
            List<PublishedDocument> list = tlp.getValue();
            for (PublishedDocument document : list) {
                files.add(new ProviderFile(document.path(), document.bytes()));
                files.add(new ProviderFile(document.path() + ".sha256", hash("SHA-256", document)));
                files.add(new ProviderFile(document.path() + ".sha512", hash("SHA-512", document)));
                files.add(new ProviderFile(document.path() + ".asc",
                        key.detachedSignature(document.bytes(), at).getBytes(StandardCharsets.US_ASCII)));
            }
            StringBuilder index = new StringBuilder();
            list.forEach(d -> index.append(d.yearFolder()).append('/').append(d.fileName()).append('\n'));
            files.add(new ProviderFile(folder + "/index.txt", index.toString().getBytes(StandardCharsets.UTF_8)));
            StringBuilder changes = new StringBuilder();
            list.stream().sorted(Comparator.comparing(PublishedDocument::currentRelease).reversed()
                            .thenComparing(PublishedDocument::path))
                    .forEach(d -> changes.append('"').append(d.yearFolder()).append('/').append(d.fileName()).append("\",\"")
                            .append(d.currentRelease()).append("\"\n"));
            files.add(new ProviderFile(folder + "/changes.csv", changes.toString().getBytes(StandardCharsets.UTF_8)));
            String feedName = "csaf-feed-tlp-" + folder + ".json";
            String feedUrl = baseUrl + "/" + folder + "/" + feedName;
            files.add(new ProviderFile(folder + "/" + feedName, feed(list, baseUrl, folder, feedUrl, at)));
            ObjectNode distribution = distributions.addObject();
            distribution.put("directory_url", baseUrl + "/" + folder + "/");
            ObjectNode feed = distribution.putObject("rolie").putArray("feeds").addObject();
            feed.put("summary", "CSAF documents with TLP:" + folder.toUpperCase(java.util.Locale.ROOT));
            feed.put("tlp_label", folder.toUpperCase(java.util.Locale.ROOT));
            feed.put("url", feedUrl);
        }
        metadata.put("last_updated", at.toString());
        metadata.put("list_on_CSAF_aggregators", listOnAggregators);
        metadata.put("metadata_version", "2.0");
        metadata.put("mirror_on_CSAF_aggregators", mirrorOnAggregators);
        ObjectNode publicKey = metadata.putArray("public_openpgp_keys").addObject();
        publicKey.put("fingerprint", key.fingerprint());
        publicKey.put("url", baseUrl + "/" + keyPath);
        documents.stream().max(Comparator.comparing(PublishedDocument::currentRelease))
                .ifPresent(newest -> metadata.set("publisher", newest.publisher().deepCopy()));
        metadata.put("role", role);
        files.add(0, new ProviderFile("provider-metadata.json", json(metadata)));
        return files;
    }

    private static byte[] feed(List<PublishedDocument> documents, String baseUrl, String folder, String feedUrl, Instant at) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode feed = root.putObject("feed");
        String label = folder.toUpperCase(java.util.Locale.ROOT);
        feed.put("id", "csaf-feed-tlp-" + folder);
        feed.put("title", "CSAF feed (TLP:" + label + ")");
        ObjectNode self = feed.putArray("link").addObject();
        self.put("rel", "self");
        self.put("href", feedUrl);
        ObjectNode category = feed.putArray("category").addObject();
        category.put("scheme", "urn:ietf:params:rolie:category:information-type");
        category.put("term", "csaf");
        feed.put("updated", at.toString());
        ArrayNode entries = feed.putArray("entry");
        documents.stream().sorted(Comparator.comparing(PublishedDocument::currentRelease).reversed()
                .thenComparing(PublishedDocument::path)).forEach(document -> {
                    String url = baseUrl + "/" + document.path();
                    ObjectNode entry = entries.addObject();
                    entry.put("id", document.trackingId());
                    entry.put("title", document.title());
                    ArrayNode links = entry.putArray("link");
                    link(links, "self", url);
                    link(links, "hash", url + ".sha256");
                    link(links, "hash", url + ".sha512");
                    link(links, "signature", url + ".asc");
                    entry.put("published", document.initialRelease().toString());
                    entry.put("updated", document.currentRelease().toString());
                    entry.putObject("summary").put("content", document.title());
                    ObjectNode content = entry.putObject("content");
                    content.put("type", "application/json");
                    content.put("src", url);
                    ObjectNode format = entry.putObject("format");
                    format.put("schema", "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json");
                    format.put("version", "2.0");
                });
        return json(root);
    }

    private static void link(ArrayNode links, String rel, String href) {
        ObjectNode link = links.addObject();
        link.put("rel", rel);
        link.put("href", href);
    }

    /** §7.1.18: the hash in hex, two spaces, the file name (as sha256sum writes it). */
    private static byte[] hash(String algorithm, PublishedDocument document) {
        try {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(document.bytes()));
            return (hex + "  " + document.fileName() + "\n").getBytes(StandardCharsets.US_ASCII);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by every JDK", e);
        }
    }

    private static byte[] json(ObjectNode node) {
        try {
            return (JSON.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
