package dev.tandem.render.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.input.InputDocument;
import dev.tandem.render.TextRenderer;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.DbBuildRequest;
import dev.tandem.usecase.scan.DbBuildResult;
import dev.tandem.usecase.scan.DbBuildUseCase;
import dev.tandem.usecase.scan.DbInfoRequest;
import dev.tandem.usecase.scan.DbInfoResult;
import dev.tandem.usecase.scan.DbInfoUseCase;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snapshot outputs: the file byte for byte, the build summary, and the description in both formats. */
class DbFormatsTest {

    private static DbBuildResult build() throws Exception {
        return new DbBuildUseCase("1.2.3").run(new DbBuildRequest(new AdvisoryInput.Documents(List.of(InputDocument.of("a.json", """
                {"id":"GHSA-35jh-r3h4-6jhm","modified":"2021-05-01T00:00:00Z","aliases":["CVE-2021-23337"],
                 "affected":[{"package":{"ecosystem":"npm","name":"lodash"},
                  "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"4.17.21"}]}]}]}
                """)), false), List.of(), Instant.parse("2026-12-01T10:00:00Z")));
    }

    @Test
    void theSnapshotFileIsWrittenWholeAndLoadsBack() throws Exception {
        DbBuildResult built = build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DbFormats.snapshotFile().write(built, out);
        DbFormats.snapshotFile().write(built, new ByteArrayOutputStream()); // writing twice gives the whole file twice
        assertThat(out.size()).isEqualTo(built.size());
        DbInfoResult info = new DbInfoUseCase().run(new DbInfoRequest(
                new AdvisoryInput.LoadedSnapshot(Snapshot.of("lodash.tdb", out.toByteArray()))));
        assertThat(info.info().provenance().advisorySources()).containsExactly("a.json");

        assertThat(DbFormats.info().names()).containsExactly("text", "json");
        String text = ((TextRenderer<DbInfoResult>) DbFormats.info().find("TEXT").orElseThrow()).text(info);
        assertThat(text).startsWith("Snapshot:        lodash.tdb\n").contains("Built:           2026-12-01T10:00:00Z by tandem 1.2.3");
        JsonNode json = new ObjectMapper().readTree(((TextRenderer<DbInfoResult>) DbFormats.info().find("json").orElseThrow()).text(info));
        assertThat(json.get("size").asLong()).isEqualTo(built.size());
        assertThat(json.get("ecosystems").get(0).get("ecosystem").asText()).isEqualTo("npm");

        String summary = DbFormats.buildSummary().text(new WrittenSnapshot(built, "out/lodash.tdb", Duration.ofMillis(1234)));
        assertThat(summary.lines()).containsExactly(
                String.format(java.util.Locale.ROOT, "Wrote out/lodash.tdb (%,d bytes) in 1.2 s", built.size()),
                "Advisories: 1 (0 withdrawn, ignored; 0 duplicates) forming 1 vulnerabilities",
                "KEV: 0 entries naming 0 CVEs: 0 CVEs matched an advisory, 0 matched none");
    }
}
