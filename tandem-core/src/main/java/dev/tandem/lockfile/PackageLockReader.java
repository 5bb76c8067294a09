package dev.tandem.lockfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.JsonTree;
import dev.tandem.sbom.ComponentScope;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.SbomFormat;
import dev.tandem.sbom.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * npm's package-lock.json and npm-shrinkwrap.json: lockfile versions 2 and 3 from their {@code packages}
 * map (every installed package by its folder, with npm's {@code dev}, {@code optional},
 * {@code devOptional} and {@code inBundle} flags, licence and integrity), version 1 from its nested
 * {@code dependencies}. The root entry is the subject; its dependencies (and those of the workspaces it
 * links) are direct, the rest transitive, found by resolving each dependency the way Node does (the
 * nearest {@code node_modules} folder up the tree). Version 1 does not say which are direct.
 */
final class PackageLockReader implements LockfileReader {

    private static final Pattern PACKAGES_ENTRY = Pattern.compile("^/packages/[^/]*$");
    private static final Pattern V1_ENTRY = Pattern.compile("^(/dependencies/[^/]+)+$");
    private static final String NODE_MODULES = "node_modules/";

    @Override
    public SbomFormat format() {
        return SbomFormat.NPM_PACKAGE_LOCK;
    }

    @Override
    public Lockfile read(InputDocument document, List<InputDocument> companions) throws InputException {
        JsonTree tree = JsonTree.parse(document.source(), document.content(), InputLimits.DEFAULT);
        JsonNode root = tree.root();
        Integer lockfileVersion = tree.integer(root, "lockfileVersion", "");
        String formatVersion = lockfileVersion == null ? "" : lockfileVersion.toString();
        JsonNode packages = tree.object(root, "packages", "");
        if (!packages.isMissingNode()) {
            return new V2(document, tree, formatVersion).read(packages);
        }
        if (lockfileVersion == null && tree.object(root, "dependencies", "").isMissingNode()) {
            throw tree.error("", "not a package-lock.json: it has neither 'lockfileVersion' nor 'packages' nor 'dependencies'");
        }
        return new V1(document, tree, formatVersion).read();
    }

    /** The subject from the root entry (v2) or the top-level name and version. */
    private static Subject subject(String name, String version) {
        if (name.isEmpty()) {
            return Subject.UNKNOWN;
        }
        String purl = PackageUrls.npm(name, version, Map.of());
        return new Subject(name, version, "", purl, purl.isEmpty() ? "npm:" + name : purl);
    }

    /** The purl and ref of a package, with its Git source as {@code vcs_url} when it has one. */
    private static String purl(String name, String version, String resolved, String commit) {
        Map<String, String> qualifiers = commit.isEmpty() ? Map.of() : PackageUrls.vcs(GitCommits.repository(resolved), commit);
        return PackageUrls.npm(name, version, qualifiers);
    }

    private static String origin(String resolved, String commit, String key) {
        if (!commit.isEmpty()) {
            return "git";
        }
        if (resolved.startsWith("file:") || !key.isEmpty() && !key.contains(NODE_MODULES)) {
            return "path";
        }
        if (resolved.startsWith("http://") || resolved.startsWith("https://")) {
            return resolved.contains("/-/") ? "registry" : "url";
        }
        return resolved.isEmpty() ? "" : "registry";
    }

    /** npm's flags as dependency groups (the words scalibr uses: bundled, dev, optional). */
    private static List<String> groups(boolean dev, boolean optional, boolean devOptional, boolean bundled) {
        Set<String> groups = new TreeSet<>();
        if (bundled) {
            groups.add("bundled");
        }
        if (devOptional) {
            groups.add("dev");
            groups.add("optional");
        }
        if (dev) {
            groups.add("dev");
        }
        if (optional) {
            groups.add("optional");
        }
        return List.copyOf(groups);
    }

    /**
     * npm's flags as a scope: {@code dev} (also with {@code optional}: an optional dependency of a development
     * dependency) is development only; {@code devOptional} (a development dependency that is also an optional
     * dependency of a production one) and {@code optional} are optional; anything else is required.
     */
    private static ComponentScope scope(boolean dev, boolean optional, boolean devOptional) {
        if (dev) {
            return ComponentScope.DEVELOPMENT;
        }
        return optional || devOptional ? ComponentScope.OPTIONAL : ComponentScope.REQUIRED;
    }

    private static boolean flag(JsonTree tree, JsonNode node, String field, String pointer) throws InputException {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw tree.error(JsonTree.child(pointer, field), "expected true or false, found " + JsonTree.describe(value));
        }
        return value.booleanValue();
    }

    private static List<String> licenses(JsonTree tree, JsonNode node, String pointer) throws InputException {
        JsonNode license = node.path("license");
        if (license.isTextual()) {
            return license.asText().isBlank() ? List.of() : List.of(license.asText().strip());
        }
        if (license.isObject()) {
            String type = tree.text(license, "type", JsonTree.child(pointer, "license"));
            return type.isEmpty() ? List.of() : List.of(type);
        }
        return List.of();
    }

    /** Lockfile versions 2 and 3: the {@code packages} map. */
    private static final class V2 {
        private final InputDocument document;
        private final JsonTree tree;
        private final String formatVersion;
        private final PackageSet set = new PackageSet();
        /** Folder → ref, for resolution; a link's folder maps to its target's ref. */
        private final Map<String, String> refByFolder = new LinkedHashMap<>();
        private final Map<String, String> linkTargets = new HashMap<>();

        V2(InputDocument document, JsonTree tree, String formatVersion) {
            this.document = document;
            this.tree = tree;
            this.formatVersion = formatVersion;
        }

        Lockfile read(JsonNode packages) throws InputException {
            Map<String, Integer> lines = JsonFieldLines.of(document.content(), p -> PACKAGES_ENTRY.matcher(p).matches());
            JsonNode rootEntry = packages.path("");
            String rootPointer = JsonTree.child("/packages", "");
            // The root entry's name and version, else the top-level ones (npm writes both; hand-edited files may lack one).
            String rootName = rootEntry.isObject() ? tree.text(rootEntry, "name", rootPointer) : "";
            String rootVersion = rootEntry.isObject() ? tree.text(rootEntry, "version", rootPointer) : "";
            Subject subject = subject(rootName.isEmpty() ? tree.text(tree.root(), "name", "") : rootName,
                    rootName.isEmpty() && rootVersion.isEmpty() ? tree.text(tree.root(), "version", "") : rootVersion);
            String subjectRef = subject.bomRef().isEmpty() ? "npm:(root)" : subject.bomRef();
            refByFolder.put("", subjectRef);

            List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
            packages.properties().forEach(entries::add);
            for (Map.Entry<String, JsonNode> field : entries) {
                String key = field.getKey();
                String pointer = JsonTree.child("/packages", key);
                JsonNode entry = tree.element(field.getValue(), pointer);
                if (key.isEmpty()) {
                    continue;
                }
                if (flag(tree, entry, "link", pointer)) {
                    linkTargets.put(key, tree.text(entry, "resolved", pointer));
                    continue;
                }
                String name = tree.text(entry, "name", pointer);
                if (name.isEmpty()) {
                    name = nameFromFolder(key);
                }
                if (name.isEmpty()) {
                    // A folder like "/" or "node_modules/" names no package: refuse rather than list a nameless one.
                    throw tree.error(pointer, "no \"name\" and the folder \"" + key + "\" names no package");
                }
                String version = tree.text(entry, "version", pointer);
                String resolved = tree.text(entry, "resolved", pointer);
                String commit = GitCommits.of(resolved);
                boolean dev = flag(tree, entry, "dev", pointer);
                boolean optional = flag(tree, entry, "optional", pointer);
                boolean devOptional = flag(tree, entry, "devOptional", pointer);
                boolean bundled = flag(tree, entry, "inBundle", pointer);
                String purl = purl(name, version, resolved, commit);
                String ref = purl.isEmpty() ? "npm:" + key : purl;
                set.add(new LockedPackage(ref, name, "", version, purl, scope(dev, optional, devOptional),
                        groups(dev, optional, devOptional, bundled), DependencyKind.UNKNOWN, commit,
                        origin(resolved, commit, key), Checksums.integrity(tree.text(entry, "integrity", pointer)),
                        licenses(tree, entry, pointer), lines.getOrDefault(pointer, 0)));
                refByFolder.put(key, ref);
            }
            linkTargets.forEach((link, target) -> {
                String ref = refByFolder.get(target);
                if (ref != null) {
                    refByFolder.put(link, ref);
                }
            });

            // Edges, found as Node resolves: the nearest node_modules folder up from the dependent's folder.
            Set<String> members = new LinkedHashSet<>();
            members.add("");
            linkTargets.forEach((link, target) -> {
                if (!link.substring(NODE_MODULES.length()).contains(NODE_MODULES) && link.startsWith(NODE_MODULES)
                        && !target.contains(NODE_MODULES) && refByFolder.containsKey(target)) {
                    members.add(target);
                }
            });
            Set<String> direct = new LinkedHashSet<>();
            for (Map.Entry<String, JsonNode> field : entries) {
                String folder = field.getKey();
                if (!refByFolder.containsKey(folder) || linkTargets.containsKey(folder)) {
                    continue;
                }
                String pointer = JsonTree.child("/packages", folder);
                JsonNode entry = field.getValue();
                boolean member = members.contains(folder);
                List<String> fields = member
                        ? List.of("dependencies", "optionalDependencies", "peerDependencies", "devDependencies")
                        : List.of("dependencies", "optionalDependencies", "peerDependencies");
                for (String dependencies : fields) {
                    JsonNode declared = tree.object(entry, dependencies, pointer);
                    for (String name : fieldNames(declared)) {
                        String target = resolve(folder, name);
                        if (target == null) {
                            continue; // an optional or peer dependency not installed, or a dependency npm reports missing
                        }
                        String to = refByFolder.get(target);
                        set.edge(refByFolder.get(folder), to);
                        if (member) {
                            direct.add(to);
                        }
                    }
                }
            }
            for (String member : members) {
                if (!member.isEmpty()) {
                    direct.add(refByFolder.get(member));
                }
            }
            set.classify(direct);
            return set.build(document.source(), SbomFormat.NPM_PACKAGE_LOCK, formatVersion,
                    subject.bomRef().isEmpty() ? new Subject("", "", "", "", subjectRef) : subject);
        }

        /** The folder {@code name} resolves to from {@code folder}: its own node_modules, then each parent's, then the root's. */
        private String resolve(String folder, String name) {
            String base = folder;
            while (true) {
                String candidate = base.isEmpty() ? NODE_MODULES + name : base + "/" + NODE_MODULES + name;
                if (refByFolder.containsKey(candidate)) {
                    return candidate;
                }
                if (base.isEmpty()) {
                    return null;
                }
                int at = base.lastIndexOf("/" + NODE_MODULES);
                base = at >= 0 ? base.substring(0, at) : base.startsWith(NODE_MODULES) ? "" : "";
            }
        }
    }

    /** The package name from its folder: the part after the last node_modules/, with its scope. */
    static String nameFromFolder(String folder) {
        int at = folder.lastIndexOf(NODE_MODULES);
        String tail = at >= 0 ? folder.substring(at + NODE_MODULES.length()) : folder;
        if (at < 0) {
            String[] parts = tail.split("/");
            if (parts.length == 0) {
                return "";
            }
            String last = parts[parts.length - 1];
            return parts.length >= 2 && parts[parts.length - 2].startsWith("@") ? parts[parts.length - 2] + "/" + last : last;
        }
        return tail;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Lockfile version 1: the nested {@code dependencies} tree. */
    private static final class V1 {
        private final InputDocument document;
        private final JsonTree tree;
        private final String formatVersion;
        private final PackageSet set = new PackageSet();
        private Map<String, Integer> lines;

        V1(InputDocument document, JsonTree tree, String formatVersion) {
            this.document = document;
            this.tree = tree;
            this.formatVersion = formatVersion;
        }

        /** One package of the tree: its ref, its nested dependencies by name, and its parent. */
        private record Node(String ref, Map<String, Node> children, Node parent, Map<String, String> requires) {
        }

        Lockfile read() throws InputException {
            lines = JsonFieldLines.of(document.content(), p -> V1_ENTRY.matcher(p).matches()
                    && p.split("/").length % 2 == 1);
            Subject subject = subject(tree.text(tree.root(), "name", ""), tree.text(tree.root(), "version", ""));
            Node top = new Node(subject.bomRef(), new LinkedHashMap<>(), null, Map.of());
            walk(tree.object(tree.root(), "dependencies", ""), "/dependencies", top);
            edges(top);
            return set.build(document.source(), SbomFormat.NPM_PACKAGE_LOCK, formatVersion, subject);
        }

        private void walk(JsonNode dependencies, String pointer, Node parent) throws InputException {
            for (String key : fieldNames(dependencies)) {
                String entryPointer = JsonTree.child(pointer, key);
                JsonNode entry = tree.element(dependencies.get(key), entryPointer);
                String written = tree.text(entry, "version", entryPointer);
                String resolved = tree.text(entry, "resolved", entryPointer);
                String name = key;
                String version = written;
                String commit = "";
                if (written.startsWith("npm:")) {
                    // An alias: "npm:<real name>@<version>".
                    int at = written.lastIndexOf('@');
                    name = at > 4 ? written.substring(4, at) : key;
                    version = at > 4 ? written.substring(at + 1) : "";
                } else if (written.startsWith("file:")) {
                    version = "";
                } else {
                    commit = GitCommits.of(written);
                    if (!commit.isEmpty()) {
                        resolved = written;
                        version = "";
                    }
                }
                boolean dev = flag(tree, entry, "dev", entryPointer);
                boolean optional = flag(tree, entry, "optional", entryPointer);
                String purl = purl(name, version, resolved, commit);
                String ref = purl.isEmpty() ? "npm:" + entryPointer : purl;
                set.add(new LockedPackage(ref, name, "", version, purl, scope(dev, optional, false),
                        groups(dev, optional, false, flag(tree, entry, "bundled", entryPointer)), DependencyKind.UNKNOWN,
                        commit, written.startsWith("file:") ? "path" : origin(resolved, commit, "node_modules/" + key),
                        Checksums.integrity(tree.text(entry, "integrity", entryPointer)), List.of(),
                        lines.getOrDefault(entryPointer, 0)));
                Map<String, String> requires = new LinkedHashMap<>();
                JsonNode requiresNode = tree.object(entry, "requires", entryPointer);
                for (String required : fieldNames(requiresNode)) {
                    requires.put(required, "");
                }
                Node node = new Node(ref, new LinkedHashMap<>(), parent, requires);
                parent.children().put(key, node);
                walk(tree.object(entry, "dependencies", entryPointer), JsonTree.child(entryPointer, "dependencies"), node);
            }
        }

        /** Each {@code requires} name resolved from the node up through its ancestors, as Node resolves it. */
        private void edges(Node node) {
            for (Node child : node.children().values()) {
                for (String required : child.requires().keySet()) {
                    for (Node scope = child; scope != null; scope = scope.parent()) {
                        Node target = scope.children().get(required);
                        if (target != null) {
                            set.edge(child.ref(), target.ref());
                            break;
                        }
                    }
                }
                edges(child);
            }
        }
    }
}
