package dev.tandem.cli.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code tandem sbom from-lockfile}: every bundled lockfile gives a CycloneDX 1.6 document valid against the
 * official schema (shipped in cyclonedx-core-java), with every package, its purl, scope and evidence; the SBOM
 * written gives the same findings as scanning the lockfile; bad input and usage exit 2 naming the file.
 */
class SbomFromLockfileCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOCKFILES = "../examples/lockfiles/";

    @TempDir
    Path tmp;

    private static JsonNode valid(CliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        byte[] bytes = run.out().getBytes(StandardCharsets.UTF_8);
        assertThat(new JsonParser().validate(bytes, Version.VERSION_16)).isEmpty();
        return JSON.readTree(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"npm/package-lock.json", "yarn/yarn.lock", "cargo/Cargo.lock", "go-project/go.mod",
            "python/uv.lock", "python/requirements.txt", "composer/composer.lock", "ruby/Gemfile.lock",
            "maven/dependency-list.txt"})
    void everyBundledLockfileGivesAValidCycloneDx16Sbom(String file) throws Exception {
        JsonNode bom = valid(CliRun.of("sbom", "from-lockfile", LOCKFILES + file));
        assertThat(bom.get("specVersion").asText()).isEqualTo("1.6");
        assertThat(bom.get("serialNumber").asText()).matches("urn:uuid:[0-9a-f-]{36}");
        assertThat(bom.at("/metadata/lifecycles/0/phase").asText()).isEqualTo("pre-build");
        assertThat(bom.at("/metadata/tools/components/0/name").asText()).isEqualTo("tandem");
        assertThat(bom.get("components")).isNotEmpty().allSatisfy(c -> {
            assertThat(c.get("purl").asText()).startsWith("pkg:");
            assertThat(c.at("/evidence/occurrences/0/location").asText()).isEqualTo(LOCKFILES + file);
        });
        Set<String> refs = new TreeSet<>();
        bom.get("components").forEach(c -> assertThat(refs.add(c.get("bom-ref").asText())).as("unique bom-ref").isTrue());
        if (bom.at("/metadata/component").isObject()) {
            refs.add(bom.at("/metadata/component/bom-ref").asText());
        }
        for (JsonNode dependency : bom.get("dependencies")) {
            assertThat(refs).contains(dependency.get("ref").asText());
            dependency.get("dependsOn").forEach(on -> assertThat(refs).contains(on.asText()));
        }
    }

    @Test
    void aPackageLockGivesItsProjectPackagesLinesChecksumsAndLicences() throws Exception {
        JsonNode bom = valid(CliRun.of("sbom", "from-lockfile", LOCKFILES + "npm/package-lock.json"));
        assertThat(bom.at("/metadata/component/name").asText()).isEqualTo("locks-licenses");
        assertThat(bom.at("/metadata/component/type").asText()).isEqualTo("application");
        List<String> purls = new ArrayList<>();
        bom.get("components").forEach(c -> purls.add(c.get("purl").asText()));
        assertThat(purls).containsExactly("pkg:npm/babel@6.23.0", "pkg:npm/human-signals@5.0.0", "pkg:npm/ms@2.1.3",
                "pkg:npm/type-fest@4.26.1");
        JsonNode babel = bom.get("components").get(0);
        assertThat(babel.get("scope").asText()).isEqualTo("required");
        assertThat(babel.at("/hashes/0/alg").asText()).isEqualTo("SHA-512");
        assertThat(babel.at("/evidence/occurrences/0/line").asInt()).isEqualTo(14);
        JsonNode root = bom.get("dependencies").get(0);
        assertThat(root.get("ref").asText()).isEqualTo(bom.at("/metadata/component/bom-ref").asText());
        assertThat(root.get("dependsOn")).hasSize(4);
    }

    @Test
    void developmentAndOptionalDependenciesAreKeptAndMarked() throws Exception {
        Path lock = tmp.resolve("app/package-lock.json");
        Files.createDirectories(lock.getParent());
        Files.writeString(lock, """
                {"name": "app", "version": "1.0.0", "lockfileVersion": 3, "packages": {
                  "": {"name": "app", "version": "1.0.0", "dependencies": {"a": "^1"}, "devDependencies": {"jest": "^29"},
                       "optionalDependencies": {"fsevents": "^2"}},
                  "node_modules/a": {"version": "1.0.0"},
                  "node_modules/jest": {"version": "29.7.0", "dev": true},
                  "node_modules/fsevents": {"version": "2.3.3", "optional": true}
                }}
                """);
        JsonNode bom = valid(CliRun.of("sbom", "from-lockfile", lock.toString()));
        assertThat(bom.at("/metadata/component/version").asText()).isEqualTo("1.0.0");
        assertThat(scopes(bom)).containsExactly("pkg:npm/a@1.0.0=required", "pkg:npm/jest@29.7.0=excluded",
                "pkg:npm/fsevents@2.3.3=optional");
        JsonNode jest = bom.get("components").get(1);
        assertThat(jest.get("properties").toString()).contains("tandem:lockfile:groups").contains("\"dev\"")
                .contains("\"direct\"");
    }

    private static List<String> scopes(JsonNode bom) {
        List<String> scopes = new ArrayList<>();
        bom.get("components").forEach(c -> scopes.add(c.get("purl").asText() + "=" + c.path("scope").asText("")));
        return scopes;
    }

    @Test
    void severalLockfilesMakeOneSbomOfTheNamedProduct() throws Exception {
        Path out = tmp.resolve("new/folder/app.cdx.json");
        CliRun run = CliRun.of("sbom", "from-lockfile", LOCKFILES + "go-project/go.mod", LOCKFILES + "cargo/Cargo.lock",
                LOCKFILES + "python/requirements.txt", "--product", "camera cloud", "--product-version", "2.4.1", "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        byte[] bytes = Files.readAllBytes(out);
        assertThat(new JsonParser().validate(bytes, Version.VERSION_16)).isEmpty();
        JsonNode bom = JSON.readTree(bytes);
        assertThat(bom.at("/metadata/component/name").asText()).isEqualTo("camera cloud");
        assertThat(bom.at("/metadata/component/version").asText()).isEqualTo("2.4.1");
        JsonNode product = bom.get("dependencies").get(0);
        assertThat(product.get("ref").asText()).isEqualTo(bom.at("/metadata/component/bom-ref").asText());
        // The go.mod's and Cargo.lock's projects; a requirements file names no project and does not say which of its
        // packages are direct, so none is claimed to be.
        assertThat(product.get("dependsOn").toString()).contains("pkg:golang/github.com/ossf-tests/osv-e2e")
                .contains("pkg:cargo/rust_vuln_deprecated@0.1.0").doesNotContain("pkg:pypi/");
        assertThat(bom.get("components").toString()).contains("pkg:pypi/flask@0.12.2");
        assertThat(bom.at("/metadata/properties").toString()).contains("go-project/go.mod (go.mod go 1.19)")
                .contains("cargo/Cargo.lock (Cargo.lock 4)");
        // The go.sum beside the go.mod was read with it.
        assertThat(bom.get("components").toString()).contains("pkg:golang/golang.org/x/image@v0.4.0");
    }

    @Test
    void withoutAProductSeveralProjectsAreSaidInAWarning() throws Exception {
        CliRun run = CliRun.of("sbom", "from-lockfile", LOCKFILES + "go-project/go.mod", LOCKFILES + "cargo/Cargo.lock");
        JsonNode bom = valid(run);
        assertThat(bom.at("/metadata/component").isMissingNode()).isTrue();
        assertThat(run.err()).contains("tandem: warning: the lockfiles name 2 projects").contains("--product NAME");
        assertThat(bom.get("components").toString()).contains("\"type\":\"application\"");
    }

    @Test
    void theSbomWrittenGivesTheFindingsOfTheLockfile() throws Exception {
        Path sbom = tmp.resolve("go.cdx.json");
        assertThat(CliRun.of("sbom", "from-lockfile", LOCKFILES + "go-project/go.mod", "--out", sbom.toString()).exitCode()).isZero();
        CliRun fromLockfile = CliRun.of("scan", "--lockfile", LOCKFILES + "go-project/go.mod", "--advisories",
                "../examples/advisories", "--format", "json");
        CliRun fromSbom = CliRun.of("scan", "--sbom", sbom.toString(), "--advisories", "../examples/advisories", "--format", "json");
        assertThat(fromLockfile.exitCode()).as(fromLockfile.err()).isZero();
        assertThat(fromSbom.exitCode()).as(fromSbom.err()).isZero();
        Set<String> a = findings(fromLockfile.json());
        assertThat(a).isNotEmpty().contains("CVE-2022-41727 pkg:golang/golang.org/x/image@v0.4.0");
        assertThat(findings(fromSbom.json())).isEqualTo(a);
    }

    private static Set<String> findings(JsonNode report) {
        Set<String> findings = new TreeSet<>();
        report.get("findings").forEach(f -> findings.add(f.get("id").asText() + " " + f.get("purl").asText()));
        return findings;
    }

    @Test
    void badInputAndUsageExitTwoNamingTheFile() throws Exception {
        Path notes = Files.writeString(tmp.resolve("notes.txt"), "hello\n");
        CliRun none = CliRun.of("sbom", "from-lockfile", notes.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains(notes.toString()).contains("package-lock.json").doesNotContain("Exception");
        assertThat(none.out()).isEmpty();

        Path cargo = Files.writeString(tmp.resolve("Cargo.lock"), "version = 3\n[[package]]\nname = \"a\"\nname = \"b\"\n");
        CliRun malformed = CliRun.of("sbom", "from-lockfile", cargo.toString());
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains(cargo + ": line 4");

        Path sum = Files.writeString(Files.createDirectories(tmp.resolve("m")).resolve("go.sum"), "");
        CliRun orphan = CliRun.of("sbom", "from-lockfile", sum.toString());
        assertThat(orphan.exitCode()).isEqualTo(2);
        assertThat(orphan.err()).contains(sum.toString()).contains("give the go.mod");

        CliRun missing = CliRun.of("sbom", "from-lockfile", tmp.resolve("nope/yarn.lock").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains(tmp.resolve("nope/yarn.lock").toString());

        CliRun folder = CliRun.of("sbom", "from-lockfile", tmp.toString());
        assertThat(folder.exitCode()).isEqualTo(2);
        assertThat(folder.err()).contains(tmp.toString());

        assertThat(CliRun.of("sbom", "from-lockfile").exitCode()).isEqualTo(2);
        CliRun versionOnly = CliRun.of("sbom", "from-lockfile", LOCKFILES + "yarn/yarn.lock", "--product-version", "1");
        assertThat(versionOnly.exitCode()).isEqualTo(2);
        assertThat(versionOnly.err()).contains("--product-version needs --product");
    }
}
