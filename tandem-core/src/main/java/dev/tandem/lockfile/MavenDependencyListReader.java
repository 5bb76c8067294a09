package dev.tandem.lockfile;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.sbom.ComponentScope;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.SbomFormat;
import dev.tandem.sbom.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of {@code mvn dependency:list} (the console log, with or without {@code [INFO]} and colour
 * codes, or the file {@code -DoutputFile} writes): every artifact Maven resolved, as
 * {@code group:artifact:type[:classifier]:version:scope}, with {@code (optional)} and module names.
 * Scopes: {@code compile}, {@code runtime}, {@code provided} and {@code system} are needed at run time
 * ({@code provided}: supplied by the platform, still run), {@code test} is development only, an
 * optional dependency is optional. The list is flat: it does not say which dependencies are direct
 * ({@code mvn dependency:tree} does). For one module, the module (its {@code --- … @ artifact ---}
 * header and {@code < group:artifact >} banner) is the subject; a multi-module build's lists are joined.
 */
final class MavenDependencyListReader implements LockfileReader {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");
    private static final Pattern LOG_PREFIX = Pattern.compile("^\\[(INFO|WARNING|WARN|ERROR|DEBUG)\\]\\s?");
    private static final Pattern BANNER = Pattern.compile("^-+< (\\S+):(\\S+) >-+$");
    private static final Pattern BUILDING = Pattern.compile("^Building .+ (\\S+)(?:\\s+\\[\\d+/\\d+\\])?$");
    private static final Pattern GOAL = Pattern.compile("^--- (?:maven-)?dependency(?:-plugin)?:[^:]+:list .*@ (\\S+) ---$");
    private static final Set<String> SCOPES = Set.of("compile", "provided", "runtime", "test", "system", "import");
    private static final String RESOLVED = "The following files have been resolved:";

    @Override
    public SbomFormat format() {
        return SbomFormat.MAVEN_DEPENDENCY_LIST;
    }

    @Override
    public Lockfile read(InputDocument document, List<InputDocument> companions) throws InputException {
        String source = document.source();
        List<String> lines = TextLines.of(source, document.content());
        PackageSet set = new PackageSet();
        List<String[]> modules = new ArrayList<>();
        String bannerGroup = "";
        String bannerArtifact = "";
        String version = "";
        boolean inList = false;
        int lists = 0;
        for (int i = 0; i < lines.size(); i++) {
            String text = LOG_PREFIX.matcher(ANSI.matcher(lines.get(i)).replaceAll("")).replaceFirst("");
            String stripped = text.strip();
            Matcher banner = BANNER.matcher(stripped);
            if (banner.matches()) {
                bannerGroup = banner.group(1);
                bannerArtifact = banner.group(2);
                version = "";
                continue;
            }
            Matcher building = BUILDING.matcher(stripped);
            if (building.matches() && version.isEmpty()) {
                version = building.group(1);
                continue;
            }
            Matcher goal = GOAL.matcher(stripped);
            if (goal.matches()) {
                String artifact = goal.group(1);
                modules.add(new String[] {artifact.equals(bannerArtifact) ? bannerGroup : "", artifact,
                        artifact.equals(bannerArtifact) ? version : ""});
                continue;
            }
            if (stripped.equals(RESOLVED)) {
                inList = true;
                lists++;
                continue;
            }
            if (!inList) {
                continue;
            }
            if (stripped.isEmpty() || stripped.equals("none")) {
                if (stripped.isEmpty()) {
                    inList = false;
                }
                continue;
            }
            if (!text.startsWith("   ") || stripped.startsWith("---") || stripped.startsWith("BUILD ")) {
                inList = false;
                continue;
            }
            artifact(source, i + 1, stripped, set);
        }
        if (lists == 0) {
            throw TextLines.error(source, 1, "no \"" + RESOLVED + "\" list: this is not the output of mvn dependency:list");
        }
        Subject subject = Subject.UNKNOWN;
        if (modules.size() == 1 && !modules.get(0)[0].isEmpty()) {
            String[] module = modules.get(0);
            String purl = PackageUrls.maven(module[0], module[1], module[2], "", "");
            subject = new Subject(module[1], module[2], "", purl, purl);
        }
        return set.build(source, format(), "", subject);
    }

    /** {@code group:artifact:type[:classifier]:version:scope[:path]} with {@code -- module m} and {@code (optional)}. */
    private static void artifact(String source, int line, String text, PackageSet set) throws InputException {
        String coordinates = text;
        boolean optional = false;
        int module = coordinates.indexOf(" -- ");
        if (module >= 0) {
            coordinates = coordinates.substring(0, module);
        }
        if (coordinates.endsWith("(optional)")) {
            optional = true;
            coordinates = coordinates.substring(0, coordinates.length() - "(optional)".length()).strip();
        }
        optional |= text.contains("(optional)");
        String[] parts = coordinates.strip().split(":");
        int scopeAt = -1;
        for (int i = 4; i < parts.length && i <= 5; i++) {
            if (SCOPES.contains(parts[i])) {
                scopeAt = i;
                break;
            }
        }
        if (parts.length < 5 || scopeAt < 0) {
            throw TextLines.error(source, line, "expected group:artifact:type[:classifier]:version:scope, found: "
                    + (text.length() <= 100 ? text : text.substring(0, 100) + "…"));
        }
        String group = parts[0];
        String artifact = parts[1];
        String type = parts[2];
        String classifier = scopeAt == 5 ? parts[3] : "";
        String version = parts[scopeAt - 1];
        String scope = parts[scopeAt];
        String purl = PackageUrls.maven(group, artifact, version, type, classifier);
        ComponentScope componentScope = scope.equals("test") ? ComponentScope.DEVELOPMENT
                : optional ? ComponentScope.OPTIONAL : ComponentScope.REQUIRED;
        Set<String> groups = new TreeSet<>();
        groups.add(scope);
        if (optional) {
            groups.add("optional");
        }
        String ref = purl.isEmpty() ? "maven:" + coordinates : purl;
        set.add(new LockedPackage(ref, artifact, group, version, purl, componentScope, List.copyOf(groups),
                DependencyKind.UNKNOWN, "", scope.equals("system") ? "path" : "registry", List.of(), List.of(), line));
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
