package dev.tandem.lockfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
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
 * uv.lock: every {@code [[package]]} with its source and dependencies. The project is the package whose
 * source is {@code virtual = "."} or {@code editable = "."}: the subject. Its {@code dependencies} are
 * required, its {@code optional-dependencies} (extras) optional and its {@code dev-dependencies}
 * (dependency groups) for development, each direct; every other package gets the scope and kind of
 * the ways the graph reaches it. Workspace members (other local sources) are the project's too: their
 * dependencies are direct. The groups named are the extras and dependency groups that name a package directly.
 */
final class UvLockReader implements LockfileReader {

    @Override
    public SbomFormat format() {
        return SbomFormat.UV_LOCK;
    }

    @Override
    public Lockfile read(InputDocument document, List<InputDocument> companions) throws InputException {
        TomlDocument toml = TomlDocument.parse(document.source(), document.content());
        String formatVersion = toml.root().path("version").asText("");
        List<JsonNode> tables = toml.packages();
        PackageSet set = new PackageSet();
        Subject subject = Subject.UNKNOWN;
        List<String> refs = new ArrayList<>();
        Map<String, List<Integer>> indexByName = new HashMap<>();
        Set<Integer> members = new HashSet<>();
        for (int i = 0; i < tables.size(); i++) {
            JsonNode table = tables.get(i);
            String name = toml.required(table, "name", i);
            String version = toml.text(table, "version", i);
            JsonNode sourceTable = toml.table(table, "source", i);
            indexByName.computeIfAbsent(PoetryLockReader.normalise(name), k -> new ArrayList<>()).add(i);
            String local = sourceTable.path("virtual").asText(sourceTable.path("editable").asText(""));
            if (local.equals(".")) {
                String purl = PackageUrls.pypi(name, version, Map.of());
                subject = new Subject(name, version, "", purl, purl.isEmpty() ? "pypi:" + name : purl);
                refs.add(subject.bomRef());
                members.add(i);
                continue;
            }
            String git = sourceTable.path("git").asText("");
            String commit = "";
            Map<String, String> qualifiers = Map.of();
            if (!git.isEmpty()) {
                int hash = git.indexOf('#');
                commit = hash >= 0 ? git.substring(hash + 1) : "";
                String url = hash >= 0 ? git.substring(0, hash) : git;
                int query = url.indexOf('?');
                qualifiers = PackageUrls.vcs(query >= 0 ? url.substring(0, query) : url, commit);
            }
            String origin = !git.isEmpty() ? "git" : !local.isEmpty() || sourceTable.has("path") || sourceTable.has("directory")
                    ? "path" : sourceTable.has("url") ? "url" : "registry";
            if (!local.isEmpty()) {
                members.add(i);
            }
            String purl = PackageUrls.pypi(name, version, qualifiers);
            String ref = purl.isEmpty() ? "pypi:" + name + "@" + version : purl;
            refs.add(set.add(new LockedPackage(ref, name, "", version, purl, ComponentScope.UNKNOWN, List.of(),
                    DependencyKind.UNKNOWN, commit, origin, List.of(), List.of(), toml.packageLine(i))));
        }

        Map<String, ComponentScope> roots = new LinkedHashMap<>();
        Map<String, Set<String>> groupsByRef = new HashMap<>();
        Set<String> optionalEdges = new HashSet<>();
        for (int i = 0; i < tables.size(); i++) {
            JsonNode table = tables.get(i);
            boolean member = members.contains(i);
            for (String to : targets(toml, tables, table.path("dependencies"), i, indexByName, refs)) {
                set.edge(refs.get(i), to);
                if (member) {
                    roots.merge(to, ComponentScope.REQUIRED, UvLockReader::stronger);
                }
            }
            for (String section : List.of("optional-dependencies", "dev-dependencies")) {
                JsonNode groups = toml.table(table, section, i);
                for (Map.Entry<String, JsonNode> group : groups.properties()) {
                    for (String to : targets(toml, tables, group.getValue(), i, indexByName, refs)) {
                        set.edge(refs.get(i), to);
                        ComponentScope scope = section.equals("dev-dependencies") ? ComponentScope.DEVELOPMENT
                                : ComponentScope.OPTIONAL;
                        if (scope == ComponentScope.OPTIONAL) {
                            optionalEdges.add(refs.get(i) + "\n" + to);
                        }
                        if (member) {
                            roots.merge(to, scope, UvLockReader::stronger);
                            groupsByRef.computeIfAbsent(to, k -> new TreeSet<>()).add(group.getKey());
                        }
                    }
                }
            }
        }
        for (int member : members) {
            if (set.contains(refs.get(member))) {
                roots.merge(refs.get(member), ComponentScope.REQUIRED, UvLockReader::stronger);
            }
        }
        set.classify(roots.keySet());
        set.scopeFrom(roots, optionalEdges);
        groupsByRef.forEach((ref, groups) -> {
            LockedPackage p = set.get(ref);
            if (p != null) {
                set.replace(new LockedPackage(p.ref(), p.name(), p.group(), p.version(), p.purl(), p.scope(), List.copyOf(groups),
                        p.kind(), p.commit(), p.origin(), p.hashes(), p.licenses(), p.line()));
            }
        });
        return set.build(document.source(), format(), formatVersion, subject);
    }

    private static ComponentScope stronger(ComponentScope a, ComponentScope b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }

    /** The refs a list of {@code { name = "x" [, version = "1.0"] }} tables names. */
    private static List<String> targets(TomlDocument toml, List<JsonNode> tables, JsonNode list, int index,
            Map<String, List<Integer>> indexByName,
            List<String> refs) throws InputException {
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw toml.at(index, "a dependency list should be an array of tables ({ name = \"…\" })");
        }
        List<String> targets = new ArrayList<>();
        for (JsonNode dependency : list) {
            String name = dependency.path("name").asText("");
            if (name.isEmpty()) {
                throw toml.at(index, "a dependency without 'name'");
            }
            String version = dependency.path("version").asText("");
            for (int candidate : indexByName.getOrDefault(PoetryLockReader.normalise(name), List.of())) {
                JsonNode table = tables.get(candidate);
                if (version.isEmpty() || version.equals(table.path("version").asText(""))) {
                    targets.add(refs.get(candidate));
                }
            }
        }
        return targets;
    }
}
