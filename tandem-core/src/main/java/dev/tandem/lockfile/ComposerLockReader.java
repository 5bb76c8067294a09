package dev.tandem.lockfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.JsonTree;
import dev.tandem.sbom.ComponentScope;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.Hash;
import dev.tandem.sbom.SbomFormat;
import dev.tandem.sbom.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * composer.lock: {@code packages} are required, {@code packages-dev} for development (marked
 * {@code dev}), each with its licence, the commit its source is pinned to, and its archive's SHA-1 where
 * Composer records one. Edges follow each package's {@code require} (platform requirements such as
 * {@code php} and {@code ext-*} are not packages). composer.lock names neither the project nor its
 * direct dependencies (composer.json does): no subject, kinds unknown.
 */
final class ComposerLockReader implements LockfileReader {

    private static final Pattern COMMIT = Pattern.compile("^[0-9a-f]{40}$");
    private static final Pattern NAME_FIELD = Pattern.compile("^/packages(-dev)?/\\d+/name$");

    @Override
    public SbomFormat format() {
        return SbomFormat.COMPOSER_LOCK;
    }

    @Override
    public Lockfile read(InputDocument document, List<InputDocument> companions) throws InputException {
        JsonTree tree = JsonTree.parse(document.source(), document.content(), InputLimits.DEFAULT);
        Map<String, Integer> lines = JsonFieldLines.of(document.content(), p -> NAME_FIELD.matcher(p).matches());
        PackageSet set = new PackageSet();
        Map<String, String> refByName = new HashMap<>();
        Map<String, List<String>> requires = new HashMap<>();
        for (String section : List.of("packages", "packages-dev")) {
            boolean dev = section.equals("packages-dev");
            List<JsonNode> packages = tree.array(tree.root(), section, "");
            for (int i = 0; i < packages.size(); i++) {
                String pointer = JsonTree.child(JsonTree.child("", section), i);
                JsonNode entry = tree.element(packages.get(i), pointer);
                String name = tree.text(entry, "name", pointer);
                if (name.isEmpty()) {
                    throw tree.error(pointer, "a package without 'name'");
                }
                String version = tree.text(entry, "version", pointer);
                JsonNode sourceNode = tree.object(entry, "source", pointer);
                JsonNode dist = tree.object(entry, "dist", pointer);
                String reference = sourceNode.isMissingNode() ? "" : tree.text(sourceNode, "reference", JsonTree.child(pointer, "source"));
                if (reference.isEmpty() && !dist.isMissingNode()) {
                    reference = tree.text(dist, "reference", JsonTree.child(pointer, "dist"));
                }
                String commit = COMMIT.matcher(reference).matches() ? reference : "";
                List<Hash> hashes = dist.isMissingNode() ? List.of()
                        : Checksums.hex("sha1", tree.text(dist, "shasum", JsonTree.child(pointer, "dist")));
                String distType = dist.isMissingNode() ? "" : tree.text(dist, "type", JsonTree.child(pointer, "dist"));
                String origin = distType.equals("path") || sourceNode.path("type").asText("").equals("path") ? "path" : "registry";
                List<String> licenses = new ArrayList<>();
                for (String license : tree.values(entry, "license", pointer)) {
                    if (license != null && !license.isBlank()) {
                        licenses.add(license.strip());
                    }
                }
                String purl = PackageUrls.composer(name, version, Map.of());
                String ref = purl.isEmpty() ? "composer:" + name + "@" + version : purl;
                set.add(new LockedPackage(ref, name, "", version, purl, dev ? ComponentScope.DEVELOPMENT : ComponentScope.REQUIRED,
                        dev ? List.of("dev") : List.of(), DependencyKind.UNKNOWN, commit, origin, hashes, licenses,
                        lines.getOrDefault(JsonTree.child(pointer, "name"), 0)));
                refByName.putIfAbsent(name.toLowerCase(Locale.ROOT), ref);
                List<String> required = new ArrayList<>();
                tree.object(entry, "require", pointer).fieldNames().forEachRemaining(required::add);
                requires.put(ref, required);
            }
        }
        requires.forEach((from, names) -> {
            for (String name : names) {
                String to = refByName.get(name.toLowerCase(Locale.ROOT));
                if (to != null) {
                    set.edge(from, to);
                }
            }
        });
        return set.build(document.source(), format(), "", Subject.UNKNOWN);
    }
}
