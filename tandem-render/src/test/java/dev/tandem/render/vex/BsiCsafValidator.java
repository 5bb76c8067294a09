package dev.tandem.render.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The BSI's CSAF validator library ({@code @secvisogram/csaf-validator-lib}, npm) run on generated
 * documents: its strict schema test and every mandatory test of CSAF 2.0 section 6.1
 * ({@code tools/csaf-validator/validate.mjs}). {@code .ci/run} installs it; in CI a missing install
 * fails the tests, locally it is installed on first use (npm ci) and the tests are skipped only where
 * no npm exists.
 *
 * <p>Shared by the CLI's and the server's tests through this module's test-jar (only this type is in it):
 * both publish the CSAF documents rendered here.
 */
public final class BsiCsafValidator {

    /** The validator's folder: {@code tools/csaf-validator} of the repository. */
    public static final Path FOLDER = Path.of("../tools/csaf-validator").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    private BsiCsafValidator() {
    }

    /** The validator's results per file: every file valid, or the failing tests listed. */
    public static synchronized void assertValid(List<Path> files) throws IOException, InterruptedException {
        for (JsonNode result : results(files)) {
            assertThat(result.get("tests").asInt()).as("tests run").isGreaterThan(40);
            assertThat(result.get("errors")).as("BSI csaf-validator-lib errors in %s", result.get("file").asText()).isEmpty();
            assertThat(result.get("isValid").asBoolean()).as(result.get("file").asText()).isTrue();
        }
    }

    /** The validator's results, valid or not, one per file in order, for tests that need to see it fail. */
    public static synchronized JsonNode results(List<Path> files) throws IOException, InterruptedException {
        ensureInstalled();
        List<String> command = new ArrayList<>(List.of("node", FOLDER.resolve("validate.mjs").toString()));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        // Standard error goes to a file, so a chatty validator cannot block on a full pipe.
        Path errors = Files.createTempFile("csaf-validator", ".err");
        Process process = new ProcessBuilder(command).directory(FOLDER.toFile()).redirectError(errors.toFile()).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("the validator finished").isTrue();
        String err = Files.readString(errors);
        Files.delete(errors);
        assertThat(process.exitValue()).as("validator exit code; stderr: %s", err).isZero();
        JsonNode results = JSON.readTree(out);
        assertThat(results.size()).isEqualTo(files.size());
        return results;
    }

    private static void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isDirectory(FOLDER.resolve("node_modules/@secvisogram/csaf-validator-lib"))) {
            return;
        }
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (ci) {
            fail("the BSI CSAF validator is not installed in " + FOLDER + "; .ci/run installs it (npm ci)");
        }
        Process npm;
        try {
            npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(FOLDER.toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("npm is not installed here, so the BSI CSAF validator cannot run (CI runs it)");
            return;
        }
        String log = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(npm.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(npm.exitValue()).as("npm ci in %s: %s", FOLDER, log).isZero();
    }
}
