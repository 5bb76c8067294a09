package dev.tandem.lockfile;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.sbom.ComponentScope;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.SbomFormat;
import dev.tandem.sbom.Subject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pip requirements files ({@code requirements.txt} and its variants, pip-compile output): one
 * component per requirement. Only a pin is a version: {@code ==1.2} (without {@code .*}) or
 * {@code ===1.2}; a range ({@code >=1.2}, {@code ~=1.2}, {@code ==1.*}) is kept as a component without a
 * version, with a warning, because the installed version is not known. A wheel given by path or URL is
 * named and pinned by its file name. Included files ({@code -r}, {@code -c}) are not read (a warning
 * names them). pip-compile's {@code # via} comments say which requirements are direct ({@code via -r …})
 * and what depends on each; without them kinds are unknown. An invalid requirement is an error, as pip
 * refuses it.
 */
final class RequirementsReader implements LockfileReader {

    private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\\s*(\\[[^\\]]*\\])?\\s*");
    private static final Pattern SPECIFIER = Pattern.compile("^\\s*(===|==|~=|!=|<=|>=|<|>)\\s*([^,;\\s]+)\\s*");
    /** A per-requirement option: whitespace, then {@code --name} or {@code -C}. */
    private static final Pattern OPTION = Pattern.compile("\\s(--[A-Za-z][\\w-]*|-C)(?=[\\s=]|$)");
    /** A wheel file name (PEP 427): name-version(-build)?-python-abi-platform.whl. */
    private static final Pattern WHEEL = Pattern.compile("([A-Za-z0-9](?:[A-Za-z0-9._]*[A-Za-z0-9])?)-([^-/]+)(?:-\\d[^-/]*)?-[^-/]+-[^-/]+-[^-/]+\\.whl$");
    private static final Pattern EGG = Pattern.compile("[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)");
    private static final Set<String> INCLUDES = Set.of("-r", "--requirement", "-c", "--constraint");
    private static final Set<String> EDITABLE = Set.of("-e", "--editable");
    private static final Set<String> GLOBAL_OPTIONS = Set.of("-i", "--index-url", "--extra-index-url", "--no-index", "-f",
            "--find-links", "--pre", "--trusted-host", "--no-binary", "--only-binary", "--prefer-binary", "--require-hashes",
            "--use-feature", "-Z", "--always-unzip", "--process-dependency-links", "--hash", "--config-settings", "-C",
            "--global-option", "--install-option");

    @Override
    public SbomFormat format() {
        return SbomFormat.PIP_REQUIREMENTS;
    }

    /** One requirement: its package and the names pip-compile says it is required via. */
    private record Requirement(String ref, int line, List<String> via, boolean direct) {
    }

    @Override
    public Lockfile read(InputDocument document, List<InputDocument> companions) throws InputException {
        String source = document.source();
        List<String> lines = TextLines.of(source, document.content());
        PackageSet set = new PackageSet();
        List<Requirement> requirements = new ArrayList<>();
        boolean annotated = false;
        for (int i = 0; i < lines.size(); i++) {
            int first = i;
            StringBuilder logical = new StringBuilder();
            String line = lines.get(i);
            while (line.endsWith("\\") && i + 1 < lines.size()) {
                logical.append(line, 0, line.length() - 1).append(' ');
                line = lines.get(++i);
            }
            logical.append(line.endsWith("\\") ? line.substring(0, line.length() - 1) : line);
            String text = stripComment(logical.toString()).strip();
            if (text.isEmpty()) {
                continue;
            }
            int number = first + 1;
            String ref;
            if (text.startsWith("-")) {
                ref = option(source, number, text, set);
            } else {
                ref = requirement(source, number, text, set);
            }
            if (ref == null) {
                continue;
            }
            // pip-compile: "    # via x" / "    # via" + "    #   x" lines right below the requirement.
            List<String> via = new ArrayList<>();
            boolean direct = false;
            int j = i + 1;
            boolean inVia = false;
            while (j < lines.size() && lines.get(j).strip().startsWith("#")) {
                String comment = lines.get(j).strip().substring(1).strip();
                if (comment.startsWith("via")) {
                    inVia = true;
                    annotated = true;
                    comment = comment.substring(3).strip();
                }
                if (inVia && !comment.isEmpty()) {
                    if (comment.startsWith("-r") || comment.startsWith("-c") || comment.startsWith("--requirement")) {
                        direct = true;
                    } else {
                        via.add(comment.split("\\s")[0]);
                    }
                }
                j++;
            }
            requirements.add(new Requirement(ref, number, via, direct));
        }
        if (annotated) {
            Map<String, String> refByName = new HashMap<>();
            for (LockedPackage p : set.packages()) {
                refByName.putIfAbsent(PoetryLockReader.normalise(p.name()), p.ref());
            }
            Set<String> direct = new LinkedHashSet<>();
            for (Requirement requirement : requirements) {
                if (requirement.direct()) {
                    direct.add(requirement.ref());
                }
                for (String name : requirement.via()) {
                    String from = refByName.get(PoetryLockReader.normalise(name.replaceAll("\\[.*$", "")));
                    if (from != null) {
                        set.edge(from, requirement.ref());
                    }
                }
            }
            set.classify(direct);
        }
        return set.build(source, format(), "", Subject.UNKNOWN);
    }

    /** A global option line: includes and editable requirements are noted, the rest changes nothing here. */
    private static String option(String source, int line, String text, PackageSet set) throws InputException {
        String[] parts = text.split("[\\s=]+", 2);
        String option = parts[0];
        String value = parts.length > 1 ? parts[1].strip() : "";
        if (option.length() > 2 && !option.startsWith("--")) {
            // "-rfile.txt": a short option written together with its value.
            value = option.substring(2) + (value.isEmpty() ? "" : " " + value);
            option = option.substring(0, 2);
        }
        if (INCLUDES.contains(option)) {
            set.warn("line " + line + " includes " + value + " (" + option + "), which is not read: give it as a lockfile too");
            return null;
        }
        if (EDITABLE.contains(option)) {
            Matcher egg = EGG.matcher(value);
            String name = egg.find() ? egg.group(1) : "";
            if (name.isEmpty()) {
                set.warn("line " + line + ": the editable requirement " + value + " names no package (#egg=): it is not listed");
                return null;
            }
            return add(set, name, "", line, value.startsWith("git+") ? "git" : "path", value);
        }
        if (GLOBAL_OPTIONS.contains(option)) {
            return null;
        }
        throw TextLines.error(source, line, "unknown pip option '" + excerpt(option) + "'");
    }

    /** A requirement line: {@code name[extras] specifiers ; marker  --options}, or a wheel's path or URL. */
    private static String requirement(String source, int line, String text, PackageSet set) throws InputException {
        Matcher option = OPTION.matcher(text);
        String requirement = option.find() ? text.substring(0, option.start()).strip() : text;
        int semicolon = requirement.indexOf(';');
        String spec = semicolon >= 0 ? requirement.substring(0, semicolon).strip() : requirement;
        if (spec.contains("/") || spec.contains("\\") || spec.startsWith(".")) {
            int at = spec.indexOf(" @ ");
            if (at < 0 && !spec.matches("^[A-Za-z0-9._-]+\\s*@.*")) {
                return archive(source, line, spec, set);
            }
        }
        Matcher name = NAME.matcher(spec);
        if (!name.lookingAt()) {
            throw TextLines.error(source, line, "'" + excerpt(text) + "' is not a valid requirement (expected a package name)");
        }
        String rest = spec.substring(name.end());
        if (rest.startsWith("@")) {
            String url = rest.substring(1).strip();
            if (url.isEmpty()) {
                throw TextLines.error(source, line, "'" + excerpt(text) + "': a direct reference (@) without a URL");
            }
            Matcher wheel = WHEEL.matcher(url);
            String version = wheel.find() ? wheel.group(2) : "";
            if (version.isEmpty()) {
                set.warn("line " + line + ": " + name.group(1) + " comes from " + excerpt(url) + " with no version: it cannot be matched");
            }
            return add(set, name.group(1), version, line, url.startsWith("git+") ? "git" : url.startsWith("file:") ? "path" : "url", url);
        }
        List<String[]> specifiers = new ArrayList<>();
        String remaining = rest;
        while (!remaining.isBlank()) {
            Matcher specifier = SPECIFIER.matcher(remaining);
            if (!specifier.lookingAt()) {
                throw TextLines.error(source, line, "'" + excerpt(text) + "' is not a valid requirement (expected a version"
                        + " specifier such as ==1.2 after the name)");
            }
            specifiers.add(new String[] {specifier.group(1), specifier.group(2)});
            remaining = remaining.substring(specifier.end());
            if (remaining.startsWith(",")) {
                remaining = remaining.substring(1);
                if (remaining.isBlank()) {
                    throw TextLines.error(source, line, "'" + excerpt(text) + "' ends with a comma");
                }
            }
        }
        String version = "";
        if (specifiers.size() == 1 && (specifiers.get(0)[0].equals("==") || specifiers.get(0)[0].equals("==="))
                && !specifiers.get(0)[1].endsWith(".*") && !specifiers.get(0)[1].contains("${")) {
            version = specifiers.get(0)[1];
        } else if (specifiers.isEmpty()) {
            set.warn("line " + line + ": " + name.group(1) + " is not pinned (no version): it cannot be matched");
        } else {
            set.warn("line " + line + ": " + name.group(1) + " is not pinned to one version (" + rest.strip()
                    + "): it cannot be matched; pin it with == (pip freeze or pip-compile write pins)");
        }
        return add(set, name.group(1), version, line, "registry", "");
    }

    /** A distribution file given by path or URL: a wheel names its package and version; anything else is noted. */
    private static String archive(String source, int line, String location, PackageSet set) {
        Matcher wheel = WHEEL.matcher(location);
        if (wheel.find()) {
            return add(set, wheel.group(1), wheel.group(2), line, location.contains("://") ? "url" : "path", location);
        }
        set.warn("line " + line + ": " + excerpt(location) + " is a file or URL whose package and version are not known"
                + " from its name: it is not listed");
        return null;
    }

    private static String add(PackageSet set, String name, String version, int line, String origin, String location) {
        String commit = origin.equals("git") ? gitCommit(location) : "";
        Map<String, String> qualifiers = origin.equals("git")
                ? PackageUrls.vcs(location.replaceAll("#.*$", "").replaceAll("@[^@/]*$", ""), commit) : Map.of();
        String purl = PackageUrls.pypi(name, version, qualifiers);
        String ref = purl.isEmpty() ? "pypi:" + name + "@" + version : purl;
        return set.add(new LockedPackage(ref, name, "", version, purl, ComponentScope.UNKNOWN, List.of(), DependencyKind.UNKNOWN,
                commit, origin, List.of(), List.of(), line));
    }

    /** {@code git+https://host/repo@<rev>#egg=x}: the revision when it is a commit id. */
    private static String gitCommit(String url) {
        String base = url.replaceAll("#.*$", "");
        int at = base.lastIndexOf('@');
        String rev = at > base.indexOf("://") + 3 ? base.substring(at + 1) : "";
        return rev.matches("[0-9a-f]{7,40}") ? rev : "";
    }

    /** pip's comment rule: {@code #} at the start of a line or after whitespace. */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String excerpt(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
