package dev.tandem.lockfile;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.sbom.ComponentScope;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.Hash;
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
 * Gemfile.lock (and gems.locked), as Bundler writes it: the gems of each source section ({@code GEM},
 * {@code GIT} with the revision they are pinned to, {@code PATH}, {@code PLUGIN SOURCE}), each with its
 * version and platform and the gems it depends on; {@code DEPENDENCIES} lists the direct ones;
 * {@code CHECKSUMS} (Bundler 2.5 and later) gives SHA-256 checksums. A gem whose {@code PATH} is the
 * project folder ({@code remote: .}) is the project itself: the subject. Bundler's groups
 * (development, test) are not in the lockfile, so scopes are unknown.
 */
final class GemfileLockReader implements LockfileReader {

    /** Bundler's spec line: name, then optionally (version[-platform]), then optionally ! (non-default source). */
    private static final Pattern SPEC = Pattern.compile("^(\\S+?)(?: \\(([^-)]*)(?:-([^)]*))?\\))?(!)?$");
    private static final Pattern DEPENDENCY = Pattern.compile("^(\\S+?)(?: \\(([^)]*)\\))?(!)?$");
    private static final Pattern CHECKSUM = Pattern.compile("^(\\S+) \\(([^)]*)\\)(?: (.*))?$");
    private static final Set<String> SOURCES = Set.of("GEM", "GIT", "PATH", "PLUGIN SOURCE");

    @Override
    public SbomFormat format() {
        return SbomFormat.GEMFILE_LOCK;
    }

    /** A gem of a source section, with the names it depends on. */
    private record Spec(String name, String version, String platform, String section, String remote, String revision,
            int line, List<String> dependencies) {
    }

    @Override
    public Lockfile read(InputDocument document, List<InputDocument> companions) throws InputException {
        String source = document.source();
        List<String> lines = TextLines.of(source, document.content());
        List<Spec> specs = new ArrayList<>();
        List<String> direct = new ArrayList<>();
        Map<String, List<Hash>> checksums = new HashMap<>();
        String section = "";
        String remote = "";
        String revision = "";
        boolean inSpecs = false;
        Spec current = null;
        String bundled = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.isBlank()) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            String text = line.strip();
            if (indent == 0) {
                section = text;
                remote = "";
                revision = "";
                inSpecs = false;
                current = null;
                continue;
            }
            if (SOURCES.contains(section)) {
                if (indent == 2) {
                    inSpecs = text.equals("specs:");
                    if (text.startsWith("remote: ")) {
                        remote = text.substring("remote: ".length()).strip();
                    } else if (text.startsWith("revision: ")) {
                        revision = text.substring("revision: ".length()).strip();
                    }
                } else if (inSpecs && indent == 4) {
                    Matcher spec = SPEC.matcher(text);
                    if (!spec.matches()) {
                        throw TextLines.error(source, number, "expected a gem 'name (version)', found: " + excerpt(text));
                    }
                    current = new Spec(spec.group(1), spec.group(2) == null ? "" : spec.group(2).strip(),
                            spec.group(3) == null ? "" : spec.group(3), section, remote, revision, number, new ArrayList<>());
                    specs.add(current);
                } else if (inSpecs && indent == 6 && current != null) {
                    Matcher dependency = DEPENDENCY.matcher(text);
                    if (!dependency.matches()) {
                        throw TextLines.error(source, number, "expected a dependency 'name (requirement)', found: " + excerpt(text));
                    }
                    current.dependencies().add(dependency.group(1));
                } else if (indent != 2) {
                    throw TextLines.error(source, number, "unexpected indentation in the " + section + " section");
                }
            } else if (section.equals("DEPENDENCIES") && indent == 2) {
                Matcher dependency = DEPENDENCY.matcher(text);
                if (!dependency.matches()) {
                    throw TextLines.error(source, number, "expected a dependency 'name (requirement)', found: " + excerpt(text));
                }
                direct.add(dependency.group(1));
            } else if (section.equals("CHECKSUMS") && indent == 2) {
                Matcher checksum = CHECKSUM.matcher(text);
                if (checksum.matches() && checksum.group(3) != null) {
                    for (String value : checksum.group(3).split(",")) {
                        int eq = value.indexOf('=');
                        if (eq > 0) {
                            checksums.computeIfAbsent(checksum.group(1) + " " + checksum.group(2), k -> new ArrayList<>())
                                    .addAll(Checksums.hex(value.substring(0, eq).strip(), value.substring(eq + 1)));
                        }
                    }
                }
            } else if (section.equals("BUNDLED WITH")) {
                bundled = text;
            }
        }

        PackageSet set = new PackageSet();
        Subject subject = Subject.UNKNOWN;
        Map<String, List<String>> refsByName = new LinkedHashMap<>();
        Map<Spec, String> refs = new LinkedHashMap<>();
        for (Spec spec : specs) {
            if (spec.section().equals("PATH") && (spec.remote().equals(".") || spec.remote().equals("./")) && subject == Subject.UNKNOWN) {
                String purl = PackageUrls.gem(spec.name(), spec.version(), Map.of());
                subject = new Subject(spec.name(), spec.version(), "", purl, purl.isEmpty() ? "gem:" + spec.name() : purl);
                refs.put(spec, subject.bomRef());
                refsByName.computeIfAbsent(spec.name(), k -> new ArrayList<>()).add(subject.bomRef());
                continue;
            }
            if (spec.version().isEmpty()) {
                set.warn("line " + spec.line() + ": the gem " + spec.name() + " has no version: it cannot be matched");
            }
            boolean git = spec.section().equals("GIT");
            Map<String, String> qualifiers = new LinkedHashMap<>();
            if (!spec.platform().isEmpty()) {
                qualifiers.put("platform", spec.platform());
            }
            if (git) {
                qualifiers.putAll(PackageUrls.vcs(spec.remote(), spec.revision()));
            }
            String purl = PackageUrls.gem(spec.name(), spec.version(), qualifiers);
            String ref = purl.isEmpty() ? "gem:" + spec.name() + "@" + spec.version() : purl;
            String version = spec.version();
            String checksumKey = spec.name() + " " + (spec.platform().isEmpty() ? version : version + "-" + spec.platform());
            set.add(new LockedPackage(ref, spec.name(), "", version, purl, ComponentScope.UNKNOWN, List.of(),
                    DependencyKind.UNKNOWN, git ? spec.revision() : "", git ? "git" : spec.section().equals("PATH") ? "path"
                    : "registry", checksums.getOrDefault(checksumKey, List.of()), List.of(), spec.line()));
            refs.put(spec, ref);
            refsByName.computeIfAbsent(spec.name(), k -> new ArrayList<>()).add(ref);
        }
        for (Map.Entry<Spec, String> entry : refs.entrySet()) {
            for (String name : entry.getKey().dependencies()) {
                // A gem locked for several platforms appears once per platform: each is an edge.
                for (String to : refsByName.getOrDefault(name, List.of())) {
                    set.edge(entry.getValue(), to);
                }
            }
        }
        Set<String> directRefs = new LinkedHashSet<>();
        for (String name : direct) {
            for (String ref : refsByName.getOrDefault(name, List.of())) {
                set.edge(subject.bomRef(), ref);
                directRefs.add(ref);
            }
        }
        if (!subject.bomRef().isEmpty()) {
            for (Map.Entry<Spec, String> entry : refs.entrySet()) {
                if (entry.getValue().equals(subject.bomRef())) {
                    for (String name : entry.getKey().dependencies()) {
                        directRefs.addAll(refsByName.getOrDefault(name, List.of()));
                    }
                }
            }
        }
        if (!direct.isEmpty() || !subject.bomRef().isEmpty()) {
            set.classify(directRefs);
        }
        return set.build(source, format(), bundled.isEmpty() ? "" : "Bundler " + bundled, subject);
    }

    private static String excerpt(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
