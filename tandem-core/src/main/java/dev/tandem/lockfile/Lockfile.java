package dev.tandem.lockfile;

import dev.tandem.sbom.Component;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomFormat;
import dev.tandem.sbom.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One lockfile read: its format, the project it locks (the subject, where the format names it), every
 * package it pins in the order the lockfile lists them, the dependency edges it states, and warnings
 * about what it could not say (an unpinned requirement, an included file that was not read).
 *
 * @param source        the name errors and outputs give the lockfile (a path)
 * @param formatVersion the lockfile's own format version where it states one ({@code 3} for a
 *                      package-lock.json v3, {@code 4} for a Cargo.lock v4); empty otherwise
 * @param dependencies  per package ref (and the subject's {@link Subject#bomRef()}), the refs it depends on,
 *                      where the lockfile states them; every ref named is a package of this lockfile
 */
public record Lockfile(String source, SbomFormat format, String formatVersion, Subject subject,
        List<LockedPackage> packages, Map<String, List<String>> dependencies, List<String> warnings) {

    public Lockfile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        formatVersion = formatVersion == null ? "" : formatVersion;
        subject = subject == null ? Subject.UNKNOWN : subject;
        packages = List.copyOf(packages);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        dependencies.forEach((from, to) -> copy.put(from, List.copyOf(to)));
        dependencies = java.util.Collections.unmodifiableMap(copy);
        warnings = List.copyOf(warnings);
    }

    /**
     * The lockfile as the SBOM model every engine reads: one component per package (bom-ref = its ref), with
     * its kind and scope, in the lockfile's order.
     */
    public Sbom sbom() {
        List<Component> components = new ArrayList<>(packages.size());
        for (LockedPackage p : packages) {
            components.add(new Component(p.ref(), p.name(), p.group(), p.version(), p.purl(), "", "", p.hashes(),
                    p.licenses(), List.of(), p.kind(), p.scope()));
        }
        return new Sbom(source, format, formatVersion, subject, components);
    }

    /** The line where the lockfile names each package, by purl (the first, for a purl named twice); packages without a line are left out. */
    public Map<String, Integer> purlLines() {
        Map<String, Integer> lines = new HashMap<>();
        for (LockedPackage p : packages) {
            if (p.line() > 0 && !p.purl().isEmpty()) {
                lines.putIfAbsent(p.purl(), p.line());
            }
        }
        return lines;
    }
}
