package dev.tandem.lockfile;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * yarn.lock, both the classic format (yarn 1, {@code # yarn lockfile v1}) and Berry's (yarn 2 and later,
 * the YAML subset yarn writes, with {@code __metadata}), read line by line as yarn writes them: one entry
 * per resolved package under the descriptors that resolve to it, with its version, resolution,
 * integrity and dependencies. In Berry lockfiles the workspaces are entries too: the root workspace
 * ({@code @workspace:.}) is the subject, and the dependencies of the workspaces are direct. A yarn 1
 * lockfile does not say which dependencies are direct (package.json does); neither says which are for
 * development, so scopes are unknown.
 */
final class YarnLockReader implements LockfileReader {

    /** A property line: two spaces, a key (quoted or not), an optional colon (Berry), the value. */
    private static final Pattern PROPERTY = Pattern.compile("^ {2}(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s\":]+):?(?:\\s+(.*))?$");
    /** A line of a nested map (dependencies): four spaces, a name, a value. */
    private static final Pattern NESTED = Pattern.compile("^ {4}(\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s\"]+?):?(?:\\s+(.*))?$");
    private static final String USE_LOCAL = "0.0.0-use.local";

    @Override
    public SbomFormat format() {
        return SbomFormat.YARN_LOCK;
    }

    /** One entry: the descriptors of its header, its properties, its nested maps, its line. */
    private record Entry(List<String> descriptors, Map<String, String> properties, Map<String, Map<String, String>> maps,
            int line) {
    }

    @Override
    public Lockfile read(InputDocument document, List<InputDocument> companions) throws InputException {
        String source = document.source();
        List<String> lines = TextLines.of(source, document.content());
        List<Entry> entries = new ArrayList<>();
        Entry metadata = null;
        Entry current = null;
        String openMap = null;
        boolean subMapOpen = false;
        boolean berry = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            if (!line.startsWith(" ")) {
                if (!stripped.endsWith(":")) {
                    throw TextLines.error(source, i + 1, "expected an entry header ending with ':' (the package's"
                            + " descriptors), found: " + excerpt(stripped));
                }
                String header = stripped.substring(0, stripped.length() - 1).strip();
                current = new Entry(descriptors(source, i + 1, header), new LinkedHashMap<>(), new LinkedHashMap<>(), i + 1);
                openMap = null;
                subMapOpen = false;
                if (header.equals("__metadata")) {
                    berry = true;
                    metadata = current;
                } else {
                    entries.add(current);
                }
                continue;
            }
            if (current == null) {
                throw TextLines.error(source, i + 1, "an indented line before the first entry: this is not a yarn.lock");
            }
            if (line.startsWith("      ")) {
                // A third level (Berry's dependenciesMeta: name: optional: true): not needed for the inventory.
                if (!subMapOpen) {
                    throw TextLines.error(source, i + 1, "an indented line that belongs to no map: " + excerpt(stripped));
                }
                continue;
            }
            subMapOpen = false;
            if (line.startsWith("    ")) {
                if (openMap == null) {
                    throw TextLines.error(source, i + 1, "an indented line that belongs to no map (dependencies): " + excerpt(stripped));
                }
                Matcher nested = NESTED.matcher(line);
                if (!nested.matches()) {
                    throw TextLines.error(source, i + 1, "expected 'name range' in the map '" + openMap + "', found: " + excerpt(stripped));
                }
                Map<String, String> map = current.maps().get(openMap);
                String key = unquote(source, i + 1, nested.group(1));
                String value = nested.group(2) == null ? "" : nested.group(2).strip();
                subMapOpen = value.isEmpty();
                if (map.put(key, unquote(source, i + 1, value)) != null) {
                    throw TextLines.error(source, i + 1, "'" + key + "' is given twice in '" + openMap + "'");
                }
                continue;
            }
            Matcher property = PROPERTY.matcher(line);
            if (!property.matches()) {
                throw TextLines.error(source, i + 1, "expected a property ('version \"1.0.0\"' or 'version: 1.0.0'), found: "
                        + excerpt(stripped));
            }
            String key = unquote(source, i + 1, property.group(1));
            String value = property.group(2) == null ? "" : property.group(2).strip();
            if (value.isEmpty()) {
                if (current.maps().put(key, new LinkedHashMap<>()) != null) {
                    throw TextLines.error(source, i + 1, "'" + key + "' is given twice in one entry");
                }
                openMap = key;
            } else {
                if (current.properties().put(key, unquote(source, i + 1, value)) != null) {
                    throw TextLines.error(source, i + 1, "'" + key + "' is given twice in one entry");
                }
                openMap = null;
            }
        }
        String formatVersion = metadata != null ? metadata.properties().getOrDefault("version", "")
                : lines.stream().anyMatch(l -> l.strip().equals("# yarn lockfile v1")) ? "1" : "";
        return build(source, entries, berry, formatVersion);
    }

    /** What a version may be written as: no spaces, brackets, braces or commas (empty: none given). */
    private static final Pattern VERSION = Pattern.compile("[^\\s\\[\\]{},]*");

    private Lockfile build(String source, List<Entry> entries, boolean berry, String formatVersion) throws InputException {
        PackageSet set = new PackageSet();
        Map<String, String> refByDescriptor = new HashMap<>();
        Map<Entry, String> refs = new LinkedHashMap<>();
        Subject subject = Subject.UNKNOWN;
        Set<Entry> workspaces = new LinkedHashSet<>();
        for (Entry entry : entries) {
            String resolution = entry.properties().getOrDefault("resolution", entry.properties().getOrDefault("resolved", ""));
            String name = berry && !resolution.isEmpty() ? nameOf(resolution) : nameOf(entry.descriptors().get(0));
            String version = entry.properties().getOrDefault("version", "");
            if (!VERSION.matcher(version).matches()) {
                // A flow sequence or mapping ("[1]", "{a: 1}") or a value with spaces is no version: refused, not read as one.
                throw TextLines.error(source, entry.line(), "the version of " + name + " is not a version: " + excerpt(version));
            }
            boolean workspace = berry && resolution.contains("@workspace:");
            String ref;
            if (workspace && resolution.endsWith("@workspace:.")) {
                String subjectVersion = version.equals(USE_LOCAL) ? "" : version;
                String purl = PackageUrls.npm(name, subjectVersion, Map.of());
                subject = new Subject(name, subjectVersion, "", purl, purl.isEmpty() ? "npm:" + name : purl);
                ref = subject.bomRef();
                workspaces.add(entry);
            } else {
                if (version.isEmpty()) {
                    set.warn("line " + entry.line() + ": " + name + " has no version: it cannot be matched");
                }
                String commit = GitCommits.of(resolution);
                Map<String, String> qualifiers = commit.isEmpty() ? Map.of()
                        : PackageUrls.vcs(GitCommits.repository(gitUrl(resolution, name)), commit);
                String purl = PackageUrls.npm(name, version, qualifiers);
                ref = purl.isEmpty() ? "npm:" + entry.descriptors().get(0) : purl;
                set.add(new LockedPackage(ref, name, "", version, purl, ComponentScope.UNKNOWN, List.of(), DependencyKind.UNKNOWN,
                        commit, origin(entry, resolution, commit, workspace), Checksums.integrity(
                                entry.properties().getOrDefault("integrity", "")), List.of(), entry.line()));
                if (workspace) {
                    workspaces.add(entry);
                }
            }
            refs.put(entry, ref);
            for (String descriptor : entry.descriptors()) {
                if (refByDescriptor.put(descriptor, ref) != null) {
                    throw TextLines.error(source, entry.line(), "the descriptor \"" + descriptor + "\" is given to two entries");
                }
            }
        }
        Set<String> direct = new LinkedHashSet<>();
        for (Map.Entry<Entry, String> item : refs.entrySet()) {
            Entry entry = item.getKey();
            for (String map : List.of("dependencies", "optionalDependencies", "peerDependencies")) {
                for (Map.Entry<String, String> dependency : entry.maps().getOrDefault(map, Map.of()).entrySet()) {
                    String to = refByDescriptor.get(dependency.getKey() + "@" + dependency.getValue());
                    if (to == null) {
                        to = refByDescriptor.get(dependency.getKey() + "@npm:" + dependency.getValue());
                    }
                    if (to == null) {
                        continue; // an optional or peer dependency yarn did not install
                    }
                    set.edge(item.getValue(), to);
                    if (workspaces.contains(entry)) {
                        direct.add(to);
                    }
                }
            }
        }
        if (berry && !workspaces.isEmpty()) {
            for (Entry workspace : workspaces) {
                if (set.contains(refs.get(workspace))) {
                    direct.add(refs.get(workspace));
                }
            }
            set.classify(direct);
        }
        return set.build(source, SbomFormat.YARN_LOCK, formatVersion, subject);
    }

    private static String origin(Entry entry, String resolution, String commit, boolean workspace) {
        if (workspace || resolution.contains("@file:") || resolution.contains("@link:") || resolution.startsWith("file:")
                || entry.descriptors().stream().anyMatch(d -> d.contains("@file:") || d.contains("@link:"))) {
            return "path";
        }
        if (!commit.isEmpty()) {
            return "git";
        }
        return resolution.isEmpty() ? "" : "registry";
    }

    /** The Git URL inside a Berry resolution ({@code name@https://…#commit=…}), or the resolution itself. */
    private static String gitUrl(String resolution, String name) {
        return resolution.startsWith(name + "@") ? resolution.substring(name.length() + 1) : resolution;
    }

    /**
     * The package name of a descriptor or resolution: the part before the {@code @} that follows the
     * name (a scope's own {@code @} kept); for an alias ({@code alias@npm:real@range}) the real name.
     */
    static String nameOf(String descriptor) {
        boolean scoped = descriptor.startsWith("@");
        String rest = scoped ? descriptor.substring(1) : descriptor;
        int at = rest.indexOf('@');
        String name = at >= 0 ? rest.substring(0, at) : rest;
        String range = at >= 0 ? rest.substring(at + 1) : "";
        if (range.startsWith("npm:") && range.indexOf('@', 5) > 0) {
            return nameOf(range.substring(4));
        }
        return scoped ? "@" + name : name;
    }

    /** The descriptors of a header: comma-separated, each quoted or not. */
    private static List<String> descriptors(String source, int line, String header) throws InputException {
        List<String> descriptors = new ArrayList<>();
        if (header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"")
                && !header.substring(1, header.length() - 1).contains("\"")) {
            // Berry quotes the whole list: "a@npm:1, b@npm:2".
            for (String part : header.substring(1, header.length() - 1).split(",")) {
                descriptors.add(part.strip());
            }
            return descriptors;
        }
        for (String part : splitOutsideQuotes(header)) {
            descriptors.add(unquote(source, line, part.strip()));
        }
        return descriptors;
    }

    private static List<String> splitOutsideQuotes(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && quoted && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    /** A double-quoted value with JSON escapes, or a plain value as written. */
    private static String unquote(String source, int line, String value) throws InputException {
        if (!value.startsWith("\"")) {
            return value;
        }
        if (value.length() < 2 || !value.endsWith("\"")) {
            throw TextLines.error(source, line, "a quoted value without its closing quote: " + excerpt(value));
        }
        try {
            return dev.tandem.input.JsonInput.json().readValue(value, String.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw TextLines.error(source, line, "a quoted value that is not valid: " + excerpt(value));
        }
    }

    private static String excerpt(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
