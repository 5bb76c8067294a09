package dev.tandem.lockfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import dev.tandem.input.JsonTree;
import dev.tandem.sbom.ComponentScope;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.SbomFormat;
import dev.tandem.sbom.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * pnpm-lock.yaml, lockfile versions 5.x ({@code /name/1.0.0} keys), 6 ({@code /name@1.0.0}) and 9
 * ({@code name@1.0.0}, dependencies under {@code snapshots}). The importers (the project and its
 * workspaces, or the top-level {@code dependencies} of a single project) give the direct dependencies
 * and how each is declared; from them the graph gives every package's scope (for versions 5 and 6
 * pnpm's own {@code dev} and {@code optional} flags are read where the graph does not reach). The
 * lockfile does not name the project, so there is no subject.
 */
final class PnpmLockReader implements LockfileReader {

    private static final List<String> IMPORTER_SECTIONS = List.of("dependencies", "optionalDependencies", "devDependencies");

    @Override
    public SbomFormat format() {
        return SbomFormat.PNPM_LOCK;
    }

    @Override
    public Lockfile read(InputDocument document, List<InputDocument> companions) throws InputException {
        String source = document.source();
        JsonInput.checkYamlShape(source, document.content());
        JsonNode root;
        com.fasterxml.jackson.databind.ObjectMapper yaml = JsonInput.yaml();
        com.fasterxml.jackson.core.JsonParser parser = null;
        try (com.fasterxml.jackson.core.JsonParser opened = yaml.createParser(document.content())) {
            parser = opened;
            root = yaml.readTree(opened);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // The parser, for limit violations (nesting depth), which carry no position of their own.
            throw JsonInput.error(source, e, parser);
        } catch (java.io.IOException e) {
            throw new InputException(source, InputPosition.UNKNOWN, "cannot read the document: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new PackageSet().build(source, format(), "", Subject.UNKNOWN);
        }
        if (!root.isObject()) {
            throw new InputException(source, InputPosition.at(1, 1), "expected a YAML mapping at the top level, found "
                    + JsonTree.describe(root));
        }
        String version = root.path("lockfileVersion").asText("");
        double number = parseVersion(source, version);
        boolean v9 = number >= 9;
        boolean slashKeys = number < 6;
        Map<String, Integer> lines = keyLines(TextLines.of(source, document.content()));

        PackageSet set = new PackageSet();
        JsonNode packages = mapping(source, root, "packages", lines);
        Map<String, String> refByKey = new HashMap<>();
        Set<String> flagged = new HashSet<>();
        for (Map.Entry<String, JsonNode> field : packages.properties()) {
            String key = field.getKey();
            JsonNode entry = field.getValue() == null || field.getValue().isNull()
                    ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : field.getValue();
            if (!entry.isMissingNode() && !entry.isObject()) {
                throw error(source, lines, key, "expected a mapping for the package '" + key + "', found " + JsonTree.describe(entry));
            }
            String[] nameVersion = nameAndVersion(source, lines, key, slashKeys);
            String name = text(entry, "name", nameVersion[0]);
            String packageVersion = text(entry, "version", nameVersion[1]);
            if (name.isEmpty()) {
                set.warn("package '" + key + "' (line " + lines.getOrDefault(key, 0) + "): no name in its key or entry; it is"
                        + " listed under its key and cannot be matched");
                name = key;
            } else if (packageVersion.isEmpty()) {
                set.warn(name + " (line " + lines.getOrDefault(key, 0) + "): no version; it cannot be matched");
            }
            JsonNode resolution = entry.path("resolution");
            String tarball = text(resolution, "tarball", "");
            String commit = text(resolution, "commit", "");
            String repo = text(resolution, "repo", "");
            if (commit.isEmpty() && tarball.startsWith("https://codeload.github.com")) {
                commit = GitCommits.of(tarball);
                repo = GitCommits.repository(tarball);
            }
            String origin = !commit.isEmpty() ? "git" : key.startsWith("file:") || resolution.has("directory") ? "path"
                    : !tarball.isEmpty() && !tarball.startsWith("file:") ? "url" : tarball.startsWith("file:") ? "path" : "registry";
            String purl = PackageUrls.npm(name, packageVersion, commit.isEmpty() ? Map.of() : PackageUrls.vcs(repo, commit));
            boolean dev = entry.path("dev").asBoolean(false);
            boolean optional = entry.path("optional").asBoolean(false);
            if (entry.has("dev")) {
                flagged.add(key);
            }
            Set<String> groups = new TreeSet<>();
            if (dev) {
                groups.add("dev");
            }
            if (optional) {
                groups.add("optional");
            }
            ComponentScope scope = !entry.has("dev") ? ComponentScope.UNKNOWN
                    : dev ? ComponentScope.DEVELOPMENT : optional ? ComponentScope.OPTIONAL : ComponentScope.REQUIRED;
            String ref = purl.isEmpty() ? "npm:" + key : purl;
            set.add(new LockedPackage(ref, name, "", packageVersion, purl, scope, List.copyOf(groups), DependencyKind.UNKNOWN,
                    commit, origin, Checksums.integrity(text(resolution, "integrity", "")), List.of(), lines.getOrDefault(key, 0)));
            refByKey.put(peerless(key, slashKeys), ref);
            refByKey.put(key, ref);
        }

        // Edges: from each package's (v9: each snapshot's) dependencies to the package they resolve to.
        Set<String> optionalEdges = new HashSet<>();
        JsonNode graph = v9 ? mapping(source, root, "snapshots", lines) : packages;
        for (Map.Entry<String, JsonNode> field : graph.properties()) {
            String from = refByKey.get(v9 ? peerless(field.getKey(), false) : field.getKey());
            JsonNode entry = field.getValue();
            if (from == null || entry == null || !entry.isObject()) {
                continue;
            }
            for (String section : List.of("dependencies", "optionalDependencies")) {
                for (Map.Entry<String, JsonNode> dependency : entry.path(section).properties()) {
                    String to = resolve(refByKey, dependency.getKey(), dependency.getValue().asText(""), slashKeys);
                    if (to != null) {
                        set.edge(from, to);
                        if (section.equals("optionalDependencies")) {
                            optionalEdges.add(from + "\n" + to);
                        }
                    }
                }
            }
        }

        // Roots: the importers' dependencies (v5 single projects write them at the top level).
        Map<String, ComponentScope> roots = new LinkedHashMap<>();
        List<JsonNode> importers = new ArrayList<>();
        JsonNode importerMap = root.path("importers");
        if (importerMap.isObject()) {
            importerMap.properties().forEach(e -> importers.add(e.getValue()));
        } else {
            importers.add(root);
        }
        for (JsonNode importer : importers) {
            for (String section : IMPORTER_SECTIONS) {
                ComponentScope scope = section.equals("devDependencies") ? ComponentScope.DEVELOPMENT
                        : section.equals("optionalDependencies") ? ComponentScope.OPTIONAL : ComponentScope.REQUIRED;
                for (Map.Entry<String, JsonNode> dependency : importer.path(section).properties()) {
                    JsonNode value = dependency.getValue();
                    String resolved = value != null && value.isObject() ? value.path("version").asText("") : value == null ? "" : value.asText("");
                    String to = resolve(refByKey, dependency.getKey(), resolved, slashKeys);
                    if (to != null) {
                        roots.merge(to, scope, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
                    }
                }
            }
        }
        set.classify(roots.keySet());
        if (v9 || flagged.isEmpty()) {
            set.scopeFrom(roots, optionalEdges);
            // pnpm 9 no longer writes dev flags: the words follow the scopes found.
            for (LockedPackage p : List.copyOf(set.packages())) {
                if (p.scope() == ComponentScope.DEVELOPMENT || p.scope() == ComponentScope.OPTIONAL) {
                    set.replace(new LockedPackage(p.ref(), p.name(), p.group(), p.version(), p.purl(), p.scope(),
                            List.of(p.scope() == ComponentScope.DEVELOPMENT ? "dev" : "optional"), p.kind(), p.commit(),
                            p.origin(), p.hashes(), p.licenses(), p.line()));
                }
            }
        }
        return set.build(source, format(), version, Subject.UNKNOWN);
    }

    private static double parseVersion(String source, String version) throws InputException {
        if (version.isEmpty()) {
            return 5;
        }
        try {
            return Double.parseDouble(version.replaceAll("[^0-9.].*$", ""));
        } catch (NumberFormatException e) {
            throw new InputException(source, InputPosition.at(1, 1), "lockfileVersion '" + version + "' is not a number");
        }
    }

    /** The mapping at {@code field}, empty when absent or null; an error when something else. */
    private static JsonNode mapping(String source, JsonNode root, String field, Map<String, Integer> lines) throws InputException {
        JsonNode node = root.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        }
        if (!node.isObject()) {
            throw error(source, lines, field, "'" + field + "' should be a mapping, found " + JsonTree.describe(node));
        }
        return node;
    }

    /**
     * The package a dependency resolves to: its value is a version (with peer suffixes), a full key
     * (an alias or a non-registry package), or a {@code link:} to a workspace (no package).
     */
    private static String resolve(Map<String, String> refByKey, String name, String value, boolean slashKeys) {
        if (value.isEmpty() || value.startsWith("link:")) {
            return null;
        }
        String direct = refByKey.get(value);
        if (direct != null) {
            return direct;
        }
        String key = slashKeys ? "/" + name + "/" + value : "/" + name + "@" + value;
        String ref = refByKey.get(peerless(key, slashKeys));
        if (ref == null) {
            ref = refByKey.get(peerless(name + "@" + value, false));
        }
        if (ref == null && value.startsWith("/")) {
            ref = refByKey.get(peerless(value, slashKeys));
        }
        return ref;
    }

    /** A key without its peer-dependency suffix: {@code _peer@1} (v5), {@code (peer@1)} (v6, v9). */
    private static String peerless(String key, boolean slashKeys) {
        int paren = key.indexOf('(');
        String base = paren > 0 ? key.substring(0, paren) : key;
        if (slashKeys && base.startsWith("/")) {
            int lastSlash = base.lastIndexOf('/');
            int underscore = base.indexOf('_', lastSlash);
            if (underscore > 0) {
                base = base.substring(0, underscore);
            }
        }
        return base;
    }

    /**
     * Name and version from a package key: {@code /name/1.0.0_peer} and {@code /@scope/name/1.0.0} (v5),
     * {@code /name@1.0.0(peer)} (v6), {@code name@1.0.0} (v9); a key of another shape (a tarball, a
     * directory) gives nothing, and the entry's own {@code name} and {@code version} are used.
     */
    static String[] nameAndVersion(String source, Map<String, Integer> lines, String key, boolean slashKeys)
            throws InputException {
        if (key.startsWith("file:")) {
            return new String[] {"", ""};
        }
        String path = key;
        if (!slashKeys || path.matches("^/?(@[^/]+/)?[^/@]+@[^/].*")) {
            path = path.startsWith("/") ? path.substring(1) : path;
            boolean scoped = path.startsWith("@");
            int at = path.indexOf('@', scoped ? 1 : 0);
            if (at <= 0) {
                return new String[] {"", ""};
            }
            String version = path.substring(at + 1);
            int paren = version.indexOf('(');
            version = paren >= 0 ? version.substring(0, paren) : version;
            return new String[] {path.substring(0, at), version.contains(":") || version.contains("/") ? "" : version};
        }
        String[] parts = path.split("/");
        if (parts.length < 2) {
            throw error(source, lines, key, "invalid dependency path '" + key + "': expected /name/version");
        }
        int i = 1;
        String name;
        if (parts[i].startsWith("@") && parts.length > i + 1) {
            name = parts[i] + "/" + parts[i + 1];
            i += 2;
        } else {
            name = parts[i];
            i++;
        }
        String version = i < parts.length ? parts[i] : "";
        if (version.isEmpty() || !Character.isDigit(version.charAt(0))) {
            return new String[] {"", ""};
        }
        int underscore = version.indexOf('_');
        return new String[] {name, underscore >= 0 ? version.substring(0, underscore) : version};
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText().strip() : fallback;
    }

    private static InputException error(String source, Map<String, Integer> lines, String key, String problem) {
        Integer line = lines.get(key);
        return new InputException(source, line == null ? InputPosition.UNKNOWN : InputPosition.at(line, 1), problem);
    }

    /** The line of each key indented by two spaces (the package and snapshot keys), quotes removed. */
    private static Map<String, Integer> keyLines(List<String> lines) {
        Map<String, Integer> keys = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > 2 && line.startsWith("  ") && line.charAt(2) != ' ' && line.charAt(2) != '#') {
                String key = line.strip();
                int colon = key.endsWith(":") ? key.length() - 1 : key.indexOf(": ");
                if (colon <= 0) {
                    continue;
                }
                key = key.substring(0, colon).strip();
                if (key.length() >= 2 && (key.startsWith("'") && key.endsWith("'") || key.startsWith("\"") && key.endsWith("\""))) {
                    key = key.substring(1, key.length() - 1);
                }
                keys.putIfAbsent(key, i + 1);
            } else if (!line.startsWith(" ") && !line.startsWith("#")) {
                // A top-level key, with its value on the same line or below.
                int colon = line.endsWith(":") ? line.length() - 1 : line.indexOf(": ");
                if (colon > 0) {
                    keys.putIfAbsent(line.substring(0, colon).strip(), i + 1);
                }
            }
        }
        return keys;
    }
}
