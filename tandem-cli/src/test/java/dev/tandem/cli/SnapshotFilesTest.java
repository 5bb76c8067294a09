package dev.tandem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Snapshot files that no case produces any more are stale review material: they fail the build. */
class SnapshotFilesTest {

    @Test
    void everyCliSnapshotBelongsToACase() throws IOException {
        Set<String> names = CliSnapshotTest.cases().map(c -> c.name() + ".txt").collect(Collectors.toSet());
        List<String> files;
        try (Stream<Path> list = Files.list(Snapshots.ROOT.resolve("cli"))) {
            files = list.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(files).as("snapshot files without a case in CliSnapshotTest").allMatch(names::contains);
        assertThat(names).as("cases without a snapshot file").allMatch(files::contains);
    }
}
