package dev.tandem.lockfile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.sbom.ComponentScope;
import dev.tandem.sbom.Hash;
import dev.tandem.sbom.SbomFormat;
import dev.tandem.sbom.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cargo.lock (versions 1 to 4): every {@code [[package]]} with its source and checksum. A package
 * without {@code source} is the project's own (a workspace member or a path dependency): when there is
 * exactly one, it is the subject; the crates the project's own packages depend on are direct. Cargo.lock
 * does not say which dependencies are for development or builds only, so scopes are unknown.
 */
final class CargoLockReader implements LockfileReader {

    @Override
    public SbomFormat format() {
        return SbomFormat.CARGO_LOCK;
    }

    /** One {@code [[package]]} as written. */
    private record Entry(int index, String name, String version, String source, String ref, List<String> dependencies) {
    }

    @Override
    public Lockfile read(InputDocument document, List<InputDocument> companions) throws InputException {
        TomlDocument toml = TomlDocument.parse(document.source(), document.content());
        JsonNode versionNode = toml.root().path("version");
        String formatVersion = versionNode.isIntegralNumber() ? versionNode.asText() : "";
        Map<String, String> v1Checksums = v1Checksums(toml);

        List<JsonNode> tables = toml.packages();
        List<Entry> entries = new ArrayList<>(tables.size());
        List<Entry> local = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            JsonNode table = tables.get(i);
            String name = toml.required(table, "name", i);
            String version = toml.required(table, "version", i);
            String source = toml.text(table, "source", i);
            List<String> dependencies = new ArrayList<>();
            for (JsonNode dependency : toml.array(table, "dependencies", i)) {
                if (!dependency.isTextual()) {
                    throw toml.at(i, "each of 'dependencies' should be a string (\"name\", \"name version\" or \"name version (source)\")");
                }
                dependencies.add(dependency.asText());
            }
            Entry entry = new Entry(i, name, version, source, "", dependencies);
            if (source.isEmpty()) {
                local.add(entry);
            }
            entries.add(entry);
        }
        Entry subjectEntry = local.size() == 1 ? local.get(0) : null;
        Subject subject = subjectEntry == null ? Subject.UNKNOWN
                : new Subject(subjectEntry.name(), subjectEntry.version(), "", PackageUrls.cargo(subjectEntry.name(),
                        subjectEntry.version(), Map.of()), PackageUrls.cargo(subjectEntry.name(), subjectEntry.version(), Map.of()));

        PackageSet set = new PackageSet();
        Map<Integer, String> refs = new HashMap<>();
        Map<String, List<Entry>> byName = new HashMap<>();
        for (Entry entry : entries) {
            byName.computeIfAbsent(entry.name(), k -> new ArrayList<>()).add(entry);
            if (entry == subjectEntry) {
                refs.put(entry.index(), subject.bomRef());
                continue;
            }
            JsonNode table = tables.get(entry.index());
            String commit = "";
            String origin;
            Map<String, String> qualifiers = Map.of();
            if (entry.source().startsWith("git+")) {
                origin = "git";
                String url = entry.source().substring(4);
                int hash = url.indexOf('#');
                commit = hash >= 0 ? url.substring(hash + 1) : "";
                url = hash >= 0 ? url.substring(0, hash) : url;
                int query = url.indexOf('?');
                qualifiers = PackageUrls.vcs(query >= 0 ? url.substring(0, query) : url, commit);
            } else if (entry.source().isEmpty()) {
                origin = "path";
            } else {
                origin = "registry";
            }
            String purl = PackageUrls.cargo(entry.name(), entry.version(), qualifiers);
            List<Hash> hashes = new ArrayList<>(Checksums.hex("sha256", toml.text(table, "checksum", entry.index())));
            String v1 = v1Checksums.get(entry.name() + " " + entry.version() + " (" + entry.source() + ")");
            if (hashes.isEmpty() && v1 != null) {
                hashes.addAll(Checksums.hex("sha256", v1));
            }
            String ref = purl.isEmpty() ? "cargo:" + entry.name() + "@" + entry.version() : purl;
            refs.put(entry.index(), set.add(new LockedPackage(ref, entry.name(), "", entry.version(), purl,
                    ComponentScope.UNKNOWN, List.of(), null, commit, origin, hashes, List.of(),
                    toml.packageLine(entry.index()))));
        }

        Set<String> direct = new LinkedHashSet<>();
        for (Entry entry : entries) {
            String from = refs.get(entry.index());
            for (String dependency : entry.dependencies()) {
                Entry target = resolve(toml, entry, dependency, byName);
                if (target == null) {
                    set.warn("line " + toml.packageLine(entry.index()) + ": " + entry.name() + " " + entry.version()
                            + " depends on \"" + dependency + "\", which this lockfile does not list");
                    continue;
                }
                String to = refs.get(target.index());
                set.edge(from, to);
                if (entry.source().isEmpty() && !target.source().isEmpty()) {
                    direct.add(to);
                }
            }
        }
        if (!local.isEmpty()) {
            set.classify(direct);
        }
        return set.build(document.source(), format(), formatVersion, subject);
    }

    /** "name", "name version" or "name version (source)" to the package it names; null when none, an error when several. */
    private static Entry resolve(TomlDocument toml, Entry from, String dependency, Map<String, List<Entry>> byName)
            throws InputException {
        String[] parts = dependency.strip().split(" ", 3);
        List<Entry> candidates = new ArrayList<>();
        for (Entry entry : byName.getOrDefault(parts[0], List.of())) {
            boolean version = parts.length < 2 || entry.version().equals(parts[1]);
            boolean source = parts.length < 3 || ("(" + entry.source() + ")").equals(parts[2]);
            if (version && source) {
                candidates.add(entry);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        if (candidates.size() > 1) {
            throw toml.at(from.index(), "dependency \"" + dependency + "\" names " + candidates.size()
                    + " packages: Cargo writes the version when a name has several");
        }
        return candidates.get(0);
    }

    /** Cargo.lock version 1 kept checksums in {@code [metadata]}: "checksum name version (source)" = "hex". */
    private static Map<String, String> v1Checksums(TomlDocument toml) {
        Map<String, String> checksums = new HashMap<>();
        toml.root().path("metadata").properties().forEach(field -> {
            if (field.getKey().startsWith("checksum ") && field.getValue().isTextual()) {
                checksums.put(field.getKey().substring("checksum ".length()), field.getValue().asText());
            }
        });
        return checksums;
    }
}
