package dev.tandem.cli.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.cli.CliRun;
import dev.tandem.cli.PublishedSchemas;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real {@code db info --format json} outputs against the published docs/schemas/db-info.schema.json. */
class DbSchemaTest {

    private static final String SCHEMA = "db-info.schema.json";

    private static JsonNode info(Path snapshot) {
        CliRun run = CliRun.of("db", "info", snapshot.toString(), "--format", "JSON");
        assertThat(run.exitCode()).as(run.err()).isZero();
        PublishedSchemas.assertValid(SCHEMA, run.out());
        return run.json();
    }

    @Test
    void snapshotsWithAndWithoutKevMatchTheSchema(@TempDir Path dir) {
        Path withKev = dir.resolve("with-kev.tdb");
        assertThat(CliRun.of("db", "build", "--advisories", "../examples/advisories", "--kev",
                "../examples/kev/cisa-known-exploited-vulnerabilities.json", "../examples/kev/eu-kev.json",
                "--out", withKev.toString()).exitCode()).isZero();
        assertThat(info(withKev).get("counts").get("kevEntries").asLong()).isPositive();
        Path bare = dir.resolve("bare.tdb");
        assertThat(CliRun.of("db", "build", "--advisories", "src/test/resources/scan/contract/osv", "--out", bare.toString())
                .exitCode()).isZero();
        JsonNode info = info(bare);
        assertThat(info.get("kevSources")).isEmpty();
        ((ObjectNode) info).put("checksum", "crc32:00");
        assertThatThrownBy(() -> PublishedSchemas.assertValid(SCHEMA, info)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("checksum");
    }
}
