package dev.tandem.cli.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21: memory proportional to the input. Whole CLI runs in a JVM with a small heap: a document
 * is processed or refused at the documented limit (docs/hardening.md), never an OutOfMemoryError.
 */
class MemoryBoundsTest {

    @TempDir
    Path dir;

    record Run(int exitCode, String out, String err) {
    }

    private static Run tandem(String heap, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.tandem.cli.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        byte[] err = process.getErrorStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), "", new String(err, StandardCharsets.UTF_8));
    }

    private static void assertNoOutOfMemory(Run run) {
        assertThat(run.err()).doesNotContain("OutOfMemoryError").doesNotContain("internal error");
        assertThat(run.exitCode()).as(run.err()).isIn(0, 1, 2);
    }

    private Path spdx(int packages) throws IOException {
        Path file = dir.resolve("spdx-" + packages + ".spdx.json");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("{\"spdxVersion\":\"SPDX-2.3\",\"SPDXID\":\"SPDXRef-DOCUMENT\",\"documentDescribes\":[\"SPDXRef-P0\"],"
                    + "\"creationInfo\":{\"created\":\"2026-01-01T00:00:00Z\",\"creators\":[\"Tool: test\"]},\"packages\":[");
            for (int i = 0; i < packages; i++) {
                out.write((i == 0 ? "" : ",") + "{\"SPDXID\":\"SPDXRef-P" + i + "\",\"name\":\"p" + i + "\",\"versionInfo\":\"1."
                        + i % 100 + "\",\"externalRefs\":[{\"referenceCategory\":\"PACKAGE-MANAGER\",\"referenceType\":\"purl\","
                        + "\"referenceLocator\":\"pkg:npm/p" + i + "@1." + i % 100 + "\"}]}");
            }
            out.write("]}");
        }
        return file;
    }

    private Path cbom(int assets) throws IOException {
        Path file = dir.resolve("cbom-" + assets + ".json");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"metadata\":{\"component\":{\"type\":\"device\","
                    + "\"bom-ref\":\"d\",\"name\":\"dev\",\"version\":\"1\"}},\"components\":[");
            for (int i = 0; i < assets; i++) {
                out.write((i == 0 ? "" : ",") + "{\"type\":\"cryptographic-asset\",\"bom-ref\":\"a" + i + "\",\"name\":\"RSA-2048\","
                        + "\"cryptoProperties\":{\"assetType\":\"algorithm\",\"algorithmProperties\":{\"primitive\":\"pke\","
                        + "\"parameterSetIdentifier\":\"2048\"}}}");
            }
            out.write("]}");
        }
        return file;
    }

    @Test
    void aMillionPackageSpdxDocumentIsRefusedAtTheMemoryCeilingNotOutOfMemory() throws Exception {
        Path big = spdx(1_000_000);
        Run check = tandem("256m", "sbom", "check", big.toString());
        assertNoOutOfMemory(check);
        assertThat(check.exitCode()).isEqualTo(2);
        assertThat(check.err()).contains(big + ": has ").contains("more than this Java process may hold in memory");
        Run scan = tandem("256m", "scan", "--sbom", big.toString(), "--advisories", "../examples/advisories");
        assertNoOutOfMemory(scan);
        assertThat(scan.exitCode()).isEqualTo(2);
    }

    @Test
    void aMillionAssetCbomIsRefusedAtTheMemoryCeilingNotOutOfMemory() throws Exception {
        Path big = cbom(1_000_000);
        Run run = tandem("256m", "pqc", "--sbom", big.toString(), "--format", "json");
        assertNoOutOfMemory(run);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("more than this Java process may hold in memory");
    }

    @Test
    void aDocumentWhoseTreeWouldNotFitIsRefusedWhileParsing() throws Exception {
        // About 12 MB: under the byte ceiling of a 64 MiB heap (16 MiB), but its tree would take ~75 MB.
        Path doc = spdx(60_000);
        Run run = tandem("64m", "sbom", "check", doc.toString());
        assertNoOutOfMemory(run);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(doc + ": line 1, column ")
                .contains("the document is too large to hold in this Java process's memory");
    }

    @Test
    void aCbomOverTheAssetCeilingIsRefusedAndOneUnderItIsPlanned() throws Exception {
        // 256 MiB of heap: at most about 8,000 assets (one per 32 KiB of what the JVM reports as its maximum).
        Run over = tandem("256m", "pqc", "--sbom", cbom(9_000).toString(), "--format", "json");
        assertNoOutOfMemory(over);
        assertThat(over.exitCode()).isEqualTo(2);
        assertThat(over.err()).containsPattern("the document has 9000 cryptographic assets, more than this Java process"
                + " can classify and plan in its memory \\(\\d{4}: one per 32 KiB of maximum heap");
        Run under = tandem("256m", "pqc", "--sbom", cbom(4_000).toString(), "--format", "json");
        assertNoOutOfMemory(under);
        assertThat(under.exitCode()).as(under.err()).isIn(0, 1);
    }
}
