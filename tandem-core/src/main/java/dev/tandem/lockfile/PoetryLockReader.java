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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * poetry.lock (lock versions 1.x and 2.x): every {@code [[package]]} with its source. Groups follow
 * the lockfile: {@code optional = true} is an optional (extra) dependency, a package in the
 * {@code main} group (or {@code category = "main"}) is required, a package only in other groups
 * ({@code dev}, {@code test}, …, or {@code category = "dev"}) is for development; a lock without groups
 * or categories leaves the scope unknown. poetry.lock names neither the project nor its direct
 * dependencies (pyproject.toml does), so there is no subject and kinds are unknown.
 */
final class PoetryLockReader implements LockfileReader {

    @Override
    public SbomFormat format() {
        return SbomFormat.POETRY_LOCK;
    }

    @Override
    public Lockfile read(InputDocument document, List<InputDocument> companions) throws InputException {
        TomlDocument toml = TomlDocument.parse(document.source(), document.content());
        String formatVersion = toml.root().path("metadata").path("lock-version").asText("");
        PackageSet set = new PackageSet();
        List<JsonNode> tables = toml.packages();
        Map<String, List<String>> refsByName = new HashMap<>();
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            JsonNode table = tables.get(i);
            String name = toml.required(table, "name", i);
            String version = toml.text(table, "version", i);
            JsonNode sourceTable = toml.table(table, "source", i);
            String type = sourceTable.path("type").asText("");
            String commit = sourceTable.path("resolved_reference").asText("");
            Map<String, String> qualifiers = type.equals("git")
                    ? PackageUrls.vcs(sourceTable.path("url").asText(""), commit) : Map.of();
            String origin = switch (type) {
                case "git" -> "git";
                case "directory", "file" -> "path";
                case "url" -> "url";
                default -> "registry";
            };
            boolean optional = table.path("optional").asBoolean(false);
            List<String> groups = new ArrayList<>();
            for (JsonNode group : toml.array(table, "groups", i)) {
                groups.add(group.asText());
            }
            String category = toml.text(table, "category", i);
            if (groups.isEmpty() && !category.isEmpty()) {
                groups.add(category);
            }
            List<String> words;
            ComponentScope scope;
            if (optional) {
                words = List.of("optional");
                scope = ComponentScope.OPTIONAL;
            } else if (groups.contains("main")) {
                words = List.of();
                scope = ComponentScope.REQUIRED;
            } else if (!groups.isEmpty()) {
                words = groups.stream().sorted().toList();
                scope = ComponentScope.DEVELOPMENT;
            } else {
                words = List.of();
                scope = ComponentScope.UNKNOWN;
            }
            String purl = PackageUrls.pypi(name, version, qualifiers);
            String ref = purl.isEmpty() ? "pypi:" + name + "@" + version : purl;
            refs.add(set.add(new LockedPackage(ref, name, "", version, purl, scope, words, DependencyKind.UNKNOWN, commit,
                    origin, List.of(), List.of(), toml.packageLine(i))));
            refsByName.computeIfAbsent(normalise(name), k -> new ArrayList<>()).add(ref);
        }
        for (int i = 0; i < tables.size(); i++) {
            JsonNode dependencies = toml.table(tables.get(i), "dependencies", i);
            for (String dependency : (Iterable<String>) () -> dependencies.fieldNames()) {
                // Several versions of one name are alternatives chosen by environment markers: each is an edge.
                for (String to : refsByName.getOrDefault(normalise(dependency), List.of())) {
                    set.edge(refs.get(i), to);
                }
            }
        }
        return set.build(document.source(), format(), formatVersion, Subject.UNKNOWN);
    }

    /** PEP 503: case-insensitive, runs of {@code -}, {@code _} and {@code .} equivalent. */
    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
