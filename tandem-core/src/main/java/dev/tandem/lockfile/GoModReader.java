package dev.tandem.lockfile;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.sbom.ComponentScope;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.SbomFormat;
import dev.tandem.sbom.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * go.mod, with its go.sum: the required modules (direct, or transitive when marked {@code // indirect}),
 * {@code replace} directives applied (a replacement by a local folder keeps the module with no version:
 * the code is the project's own copy), and the Go standard library at the version the file states
 * (the {@code toolchain} directive, else the {@code go} directive: the least version that builds it).
 * Before Go 1.17 a go.mod lists only direct requirements: the modules of its go.sum are added as
 * transitive (go.sum may also hold versions the build does not select; it is the only list there is).
 * The {@code module} path is the subject. Go modules have no development dependencies: scopes are unknown.
 */
final class GoModReader implements LockfileReader {

    private static final Set<String> DIRECTIVES = Set.of("module", "go", "toolchain", "godebug", "require", "exclude",
            "replace", "retract", "tool", "ignore");
    private static final Pattern GO_VERSION = Pattern.compile("^(?:go)?(\\d+(?:\\.\\d+)*(?:(?:rc|beta)\\d+)?)");

    @Override
    public SbomFormat format() {
        return SbomFormat.GO_MOD;
    }

    /** One requirement or replacement as written. */
    private record Require(String module, String version, boolean indirect, int line) {
    }

    private record Replace(String oldModule, String oldVersion, String newModule, String newVersion, int line) {
    }

    @Override
    public Lockfile read(InputDocument document, List<InputDocument> companions) throws InputException {
        String source = document.source();
        List<String> lines = TextLines.of(source, document.content());
        String module = "";
        String goVersion = "";
        int goLine = 0;
        String toolchain = "";
        int toolchainLine = 0;
        List<Require> requires = new ArrayList<>();
        List<Replace> replaces = new ArrayList<>();
        String block = null;
        for (int i = 0; i < lines.size(); i++) {
            int number = i + 1;
            String line = lines.get(i);
            boolean indirect = comment(line).contains("indirect");
            List<String> tokens = tokens(source, number, stripComment(line));
            if (tokens.isEmpty()) {
                continue;
            }
            String verb;
            List<String> args;
            if (block != null) {
                if (tokens.size() == 1 && tokens.get(0).equals(")")) {
                    block = null;
                    continue;
                }
                verb = block;
                args = tokens;
            } else {
                verb = tokens.get(0);
                if (!DIRECTIVES.contains(verb)) {
                    throw TextLines.error(source, number, "unknown directive '" + excerpt(verb) + "': this is not a go.mod file");
                }
                args = tokens.subList(1, tokens.size());
                if (args.size() == 1 && args.get(0).equals("(")) {
                    block = verb;
                    continue;
                }
            }
            switch (verb) {
                case "module" -> module = one(source, number, verb, args);
                case "go" -> {
                    goVersion = one(source, number, verb, args);
                    goLine = number;
                }
                case "toolchain" -> {
                    toolchain = one(source, number, verb, args);
                    toolchainLine = number;
                }
                case "require" -> {
                    if (args.size() != 2) {
                        throw TextLines.error(source, number, "expected 'require module version'");
                    }
                    requires.add(new Require(args.get(0), args.get(1), indirect, number));
                }
                case "replace" -> replaces.add(replace(source, number, args));
                default -> {
                    // exclude, retract, godebug, tool, ignore: nothing a build list needs.
                }
            }
        }
        if (block != null) {
            throw TextLines.error(source, lines.size(), "the '" + block + " (' block is not closed: the file looks cut off");
        }

        PackageSet set = new PackageSet();
        Subject subject = module.isEmpty() ? Subject.UNKNOWN
                : new Subject(module, "", "", PackageUrls.golang(module, ""), PackageUrls.golang(module, ""));
        Map<String, Require> build = new LinkedHashMap<>();
        for (Require require : requires) {
            build.put(require.module() + "@" + require.version(), require);
        }
        boolean before117 = !goVersion.isEmpty() && compareGo(goVersion, "1.17") < 0;
        if (before117) {
            for (InputDocument sum : companions) {
                for (Require fromSum : GoSum.modules(sum)) {
                    build.putIfAbsent(fromSum.module() + "@" + fromSum.version(), fromSum);
                }
            }
        } else if (!companions.isEmpty() && goVersion.isEmpty()) {
            set.warn("go.mod states no Go version: its requirements are read as complete (Go 1.17 and later), its go.sum is not read");
        }
        for (Require require : build.values()) {
            String module1 = require.module();
            String version = require.version();
            String origin = "registry";
            int line = require.line();
            for (Replace replace : replaces) {
                if (replace.oldModule().equals(require.module())
                        && (replace.oldVersion().isEmpty() || replace.oldVersion().equals(require.version()))) {
                    module1 = replace.newModule();
                    version = replace.newVersion();
                    line = replace.line();
                    if (version.isEmpty()) {
                        // A local folder: the project's own copy of the module, with no version to match.
                        module1 = require.module();
                        origin = "path";
                    }
                }
            }
            String purl = PackageUrls.golang(module1, version);
            String ref = purl.isEmpty() ? "golang:" + module1 + "@" + version : purl;
            DependencyKind kind = require.line() < 0 || require.indirect() ? DependencyKind.TRANSITIVE : DependencyKind.DIRECT;
            set.add(new LockedPackage(ref, module1, "", version, purl, ComponentScope.UNKNOWN, List.of(), kind, "", origin,
                    List.of(), List.of(), Math.max(line, 0)));
            if (kind == DependencyKind.DIRECT) {
                // An indirect requirement is needed by some other module; go.mod does not say which.
                set.edge(subject.bomRef(), ref);
            }
        }
        String stdlib = !toolchain.isEmpty() ? toolchain : goVersion;
        if (!stdlib.isEmpty()) {
            Matcher matcher = GO_VERSION.matcher(stdlib);
            if (!matcher.find()) {
                throw TextLines.error(source, !toolchain.isEmpty() ? toolchainLine : goLine, "'" + excerpt(stdlib)
                        + "' is not a Go version");
            }
            String version = matcher.group(1);
            String purl = PackageUrls.golang("stdlib", version);
            set.add(new LockedPackage(purl, "stdlib", "", version, purl, ComponentScope.UNKNOWN, List.of(),
                    DependencyKind.DIRECT, "", "", List.of(), List.of(), !toolchain.isEmpty() ? toolchainLine : goLine));
            set.edge(subject.bomRef(), purl);
        }
        return set.build(source, format(), goVersion.isEmpty() ? "" : "go " + goVersion, subject);
    }

    /** Go release order on the numeric parts ({@code 1.16} < {@code 1.17} < {@code 1.17.1}). */
    private static int compareGo(String a, String b) {
        String[] x = a.replaceAll("[^0-9.].*$", "").split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length && !x[i].isEmpty() ? Long.parseLong(x[i].length() > 9 ? "999999999" : x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static Replace replace(String source, int line, List<String> args) throws InputException {
        int arrow = args.indexOf("=>");
        if (arrow < 1 || arrow > 2 || args.size() - arrow - 1 < 1 || args.size() - arrow - 1 > 2) {
            throw TextLines.error(source, line, "expected 'replace module [version] => module version' or '=> ./folder'");
        }
        return new Replace(args.get(0), arrow == 2 ? args.get(1) : "", args.get(arrow + 1),
                args.size() - arrow - 1 == 2 ? args.get(arrow + 2) : "", line);
    }

    private static String one(String source, int line, String verb, List<String> args) throws InputException {
        if (args.size() != 1) {
            throw TextLines.error(source, line, "expected '" + verb + " <value>'");
        }
        return args.get(0);
    }

    private static String comment(String line) {
        int at = commentStart(line);
        return at < 0 ? "" : line.substring(at + 2).strip();
    }

    private static String stripComment(String line) {
        int at = commentStart(line);
        return at < 0 ? line : line.substring(0, at);
    }

    /** Where {@code //} starts a comment, outside quotes; -1 when none. */
    private static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote == '"') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '`') {
                quote = c;
            } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                return i;
            }
        }
        return -1;
    }

    /** Space-separated tokens; a quoted token ({@code "path"} or {@code `path`}) is one, unquoted. */
    private static List<String> tokens(String source, int line, String text) throws InputException {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '`') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw TextLines.error(source, line, "a quoted path without its closing quote");
                }
                tokens.add(text.substring(i + 1, end));
                i = end + 1;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
                    end++;
                }
                tokens.add(text.substring(i, end));
                i = end;
            }
        }
        return tokens;
    }

    private static String excerpt(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    /** go.sum: {@code module version h1:hash} lines; a {@code /go.mod} line only checks a go.mod, not the module. */
    static final class GoSum {

        private GoSum() {
        }

        static List<Require> modules(InputDocument sum) throws InputException {
            List<String> lines = TextLines.of(sum.source(), sum.content());
            List<Require> modules = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty()) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                if (parts.length != 3 || !parts[2].contains(":")) {
                    throw TextLines.error(sum.source(), i + 1, "expected 'module version h1:hash' (a go.sum line)");
                }
                if (parts[1].endsWith("/go.mod")) {
                    continue;
                }
                // Negative line: named by the go.sum, not by a line of the go.mod.
                modules.add(new Require(parts[0], parts[1], true, -(i + 1)));
            }
            return modules;
        }
    }
}
