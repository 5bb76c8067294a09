package dev.tandem.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding ids through whole runs: the same in JSON and SARIF, after a re-run, a rename, and from a snapshot. */
class FindingIdCliTest {

    private static final String CAMERA = "../examples/sboms/sc200-camera-firmware-2.4.1.cdx.json";
    private static final String ADVISORIES = "../examples/advisories";
    private static final String CISA = "../examples/kev/cisa-known-exploited-vulnerabilities.json";

    private static CliRun scan(String sbom, String... sourceAndFormat) {
        List<String> args = new ArrayList<>(List.of("scan", "--sbom", sbom));
        args.addAll(List.of(sourceAndFormat));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run;
    }

    /** "purl vulnerability" → finding id, from the JSON report. */
    private static Map<String, String> fromJson(CliRun run) {
        Map<String, String> ids = new TreeMap<>();
        for (JsonNode f : run.json().get("findings")) {
            ids.put(f.get("purl").asText() + " " + f.get("id").asText(), f.get("findingId").asText());
        }
        return ids;
    }

    /** "purl vulnerability" → finding id, from the SARIF results. */
    private static Map<String, String> fromSarif(CliRun run) {
        Map<String, String> ids = new TreeMap<>();
        for (JsonNode r : run.json().get("runs").get(0).get("results")) {
            ids.put(r.get("properties").get("purl").asText() + " " + r.get("ruleId").asText(),
                    r.get("fingerprints").get("findingId/v1").asText());
        }
        return ids;
    }

    @Test
    void jsonAndSarifGiveEachFindingTheSameId() {
        Map<String, String> json = fromJson(scan(CAMERA, "--advisories", ADVISORIES, "--kev", CISA, "--format", "json"));
        assertThat(json).hasSizeGreaterThan(20);
        assertThat(json.values()).allMatch(id -> id.matches("TF-[0-9a-f]{20}")).doesNotHaveDuplicates();
        assertThat(fromSarif(scan(CAMERA, "--advisories", ADVISORIES, "--kev", CISA, "--format", "sarif"))).isEqualTo(json);
    }

    @Test
    void idsSurviveAReRunARenamedCopyAndASnapshot(@TempDir Path dir) throws Exception {
        Map<String, String> first = fromJson(scan(CAMERA, "--advisories", ADVISORIES, "--format", "json"));
        assertThat(fromJson(scan(CAMERA, "--advisories", ADVISORIES, "--format", "json"))).isEqualTo(first);
        Path copy = dir.resolve("release/firmware.json");
        Files.createDirectories(copy.getParent());
        Files.copy(Path.of(CAMERA), copy);
        assertThat(fromJson(scan(copy.toString(), "--advisories", ADVISORIES, "--format", "json"))).isEqualTo(first);
        Path snapshot = dir.resolve("advisories.tdb");
        assertThat(CliRun.of("db", "build", "--advisories", ADVISORIES, "--kev", CISA, "--out", snapshot.toString()).exitCode())
                .isZero();
        assertThat(fromJson(scan(CAMERA, "--db", snapshot.toString(), "--format", "json"))).isEqualTo(first);
    }

    @Test
    void aNewReleaseKeepsTheIdsOfUnchangedComponentsOnly(@TempDir Path dir) throws Exception {
        Map<String, String> before = fromJson(scan(CAMERA, "--advisories", ADVISORIES, "--format", "json"));
        String text = Files.readString(Path.of(CAMERA));
        assertThat(text).contains("\"version\": \"2.4.1\"").contains("libwebp-sys@0.9.2");
        Path next = dir.resolve("next.cdx.json");
        Files.writeString(next, text.replace("\"version\": \"2.4.1\"", "\"version\": \"2.5.0\"")
                .replace("libwebp-sys@0.9.2", "libwebp-sys@0.9.1").replace("\"version\": \"0.9.2\"", "\"version\": \"0.9.1\""));
        Map<String, String> after = fromJson(scan(next.toString(), "--advisories", ADVISORIES, "--format", "json"));
        String webp = "pkg:cargo/libwebp-sys@0.9.1 CVE-2023-4863";
        assertThat(after).containsKey(webp);
        assertThat(after.get(webp)).isNotEqualTo(before.get("pkg:cargo/libwebp-sys@0.9.2 CVE-2023-4863"));
        Map<String, String> unchanged = new TreeMap<>(after);
        unchanged.remove(webp);
        Map<String, String> unchangedBefore = new TreeMap<>(before);
        unchangedBefore.remove("pkg:cargo/libwebp-sys@0.9.2 CVE-2023-4863");
        assertThat(unchanged).isNotEmpty().isEqualTo(unchangedBefore);
    }
}
