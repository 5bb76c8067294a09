package dev.tandem.csaf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** CSAF 2.0 §5.1, on the OASIS TC's own test vectors: a valid file is named as its tracking id says, an invalid one is not. */
class CsafFileNamesTest {

    static final Path VECTORS = Path.of("src/test/resources/vex/oasis-filenames");

    static Stream<Path> valid() throws IOException {
        return files("valid");
    }

    static Stream<Path> invalid() throws IOException {
        return files("invalid");
    }

    static Stream<Path> files(String kind) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(VECTORS.resolve(kind))) {
            files = listed.sorted().toList();
        }
        assertThat(files).hasSize(3);
        return files.stream();
    }

    static String trackingId(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile()).get("document").get("tracking").get("id").asText();
    }

    @ParameterizedTest
    @MethodSource("valid")
    void aValidFileIsNamedAfterItsTrackingId(Path file) throws IOException {
        assertThat(CsafFileNames.of(trackingId(file))).isEqualTo(file.getFileName().toString());
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void anInvalidFileIsNot(Path file) throws IOException {
        assertThat(CsafFileNames.of(trackingId(file))).isNotEqualTo(file.getFileName().toString());
    }

    @Test
    void runsOfOtherCharactersBecomeOneUnderscore() {
        assertThat(CsafFileNames.of("Example Company -- ESA-2022:0001")).isEqualTo("example_company_--_esa-2022_0001.json");
        assertThat(CsafFileNames.of("RHSA-2024:1+2")).isEqualTo("rhsa-2024_1+2.json");
    }
}
