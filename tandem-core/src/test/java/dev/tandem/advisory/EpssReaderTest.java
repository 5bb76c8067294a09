package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** FIRST's daily EPSS file, as published (gzip) and unpacked, and every way a broken download shows. */
class EpssReaderTest {

    private static final Path SAMPLE = Path.of("src/test/resources/advisory/epss/epss_scores-sample.csv");

    private static byte[] sample() throws IOException {
        return Files.readAllBytes(SAMPLE);
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static InputException refused(String text) {
        return (InputException) org.assertj.core.api.Assertions.catchThrowable(
                () -> EpssReader.read("epss.csv", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheModelTheScoreDateAndEveryRowGzipOrNot() throws Exception {
        for (byte[] content : new byte[][] {sample(), gzip(sample())}) {
            EpssTable table = EpssReader.read("epss_scores-2026-12-05.csv.gz", content);
            assertThat(table.count()).isEqualTo(7);
            assertThat(table.modelVersion()).isEqualTo("v2025.03.14");
            assertThat(table.scoreDate()).isEqualTo(LocalDate.parse("2026-12-05"));
            assertThat(table.source()).isEqualTo("epss_scores-2026-12-05.csv.gz");
            assertThat(table.lookup("CVE-2021-44228")).hasValueSatisfying(s -> {
                assertThat(s.score()).isEqualTo(0.94358);
                assertThat(s.percentile()).isEqualTo(0.99962);
                assertThat(s.date()).isEqualTo(LocalDate.parse("2026-12-05"));
            });
            // Lookups in any case; ids the file sorts by text (10086 before 9999) are found all the same.
            assertThat(table.lookup("cve-2021-9999")).hasValueSatisfying(s -> assertThat(s.cve()).isEqualTo("CVE-2021-9999"));
            assertThat(table.lookup("CVE-2021-10086")).isPresent();
            assertThat(table.lookup("CVE-2024-0001")).isEmpty();
            assertThat(table.lookup("GHSA-jfh8-c2jp-5v3q")).isEmpty();
        }
    }

    @Test
    void aFileWithoutTheMetadataLineHasNoDateButItsScores() throws Exception {
        EpssTable table = EpssReader.read("old.csv", "cve,epss,percentile\nCVE-2021-44228,0.9,0.99\n".getBytes(StandardCharsets.UTF_8));
        assertThat(table.scoreDate()).isNull();
        assertThat(table.modelVersion()).isEmpty();
        assertThat(table.lookup("CVE-2021-44228")).hasValueSatisfying(s -> assertThat(s.date()).isNull());
    }

    @Test
    void columnsMayComeInAnyOrderAndTheOffsetFormFirstUsedIsRead() throws Exception {
        EpssTable table = EpssReader.read("x.csv", ("#model_version:v2023.03.01,score_date:2023-03-07T00:00:00+0000\n"
                + "percentile,cve,epss\n0.5,CVE-2023-0001,0.25\n").getBytes(StandardCharsets.UTF_8));
        assertThat(table.scoreDate()).isEqualTo(LocalDate.parse("2023-03-07"));
        assertThat(table.lookup("CVE-2023-0001")).hasValueSatisfying(s -> {
            assertThat(s.score()).isEqualTo(0.25);
            assertThat(s.percentile()).isEqualTo(0.5);
        });
    }

    @Test
    void everyDefectNamesTheFileAndLine() {
        assertThat(refused("").getMessage()).isEqualTo("epss.csv: line 1, column 1: empty: no header cve,epss,percentile and no scores");
        assertThat(refused("cve,score\nCVE-2021-1234,0.1\n").getMessage()).contains("line 1").contains("expected the header");
        assertThat(refused("cve,epss,percentile\nCVE-2021-44228,0.9\n").getMessage())
                .isEqualTo("epss.csv: line 2, column 1: expected 3 columns, found 2");
        assertThat(refused("cve,epss,percentile\nlog4shell,0.9,0.9\n").getMessage())
                .isEqualTo("epss.csv: line 2, column 1: \"log4shell\" is not a CVE id");
        assertThat(refused("cve,epss,percentile\nCVE-2021-44228,0.9,1.5\n").getMessage())
                .isEqualTo("epss.csv: line 2, column 20: percentile 1.5 is outside [0, 1]");
        assertThat(refused("cve,epss,percentile\nCVE-2021-44228,NaN,0.5\n").getMessage()).contains("epss \"NaN\" is not a number");
        assertThat(refused("cve,epss,percentile\nCVE-2021-44228,0x1p-3,0.5\n").getMessage()).contains("is not a number");
        assertThat(refused("cve,epss,percentile\nCVE-2021-44228,0.9,0.5\n#late\n").getMessage())
                .contains("line 3").contains("comment line after the header");
        assertThat(refused("#score_date:yesterday\ncve,epss,percentile\n").getMessage()).contains("line 1")
                .contains("score_date \"yesterday\" is not a date");
    }

    @Test
    void aCveListedTwiceIsAnErrorNamingBothLines() {
        assertThat(refused("cve,epss,percentile\nCVE-2021-44228,0.9,0.5\nCVE-2021-1234,0.1,0.1\ncve-2021-44228,0.8,0.4\n").getMessage())
                .isEqualTo("epss.csv: line 4, column 1: CVE-2021-44228 is listed twice (lines 2 and 4)");
    }

    @Test
    void aTruncatedOrCorruptDownloadIsRefusedNotReadAsFewerScores() throws Exception {
        byte[] gz = gzip(sample());
        byte[] cut = Arrays.copyOf(gz, gz.length - 20);
        assertThatThrownBy(() -> EpssReader.read("epss.csv.gz", cut)).isInstanceOf(InputException.class)
                .hasMessageStartingWith("epss.csv.gz: the gzip data is corrupt or cut short");
        byte[] flipped = gz.clone();
        flipped[gz.length - 6] ^= 0x55; // the trailer's CRC32
        assertThatThrownBy(() -> EpssReader.read("epss.csv.gz", flipped)).isInstanceOf(InputException.class)
                .hasMessageContaining("corrupt or cut short");
    }

    @Test
    void hostileInputStopsAtTheLimits() throws Exception {
        // A decompression bomb: 64 MB of empty lines in a few kilobytes stops at the document limit.
        byte[] bomb = gzip("\n".repeat(64 << 20).getBytes(StandardCharsets.UTF_8));
        InputLimits small = new InputLimits(1 << 20, 200, 1 << 20, 10, 1 << 20);
        assertThatThrownBy(() -> EpssReader.read("bomb.csv.gz", bomb, small)).isInstanceOf(InputException.class)
                .hasMessageContaining("more than 1048576 bytes");
        // A run without line breaks is refused at the line limit, not read into one huge string.
        byte[] oneLine = gzip("A".repeat(32 << 20).getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> EpssReader.read("line.csv.gz", oneLine)).isInstanceOf(InputException.class)
                .hasMessage("line.csv.gz: line 1, column 1: line 1 is longer than 4096 characters; not an EPSS file");
        String longLine = "cve,epss,percentile\n" + "C".repeat(10_000) + "\n";
        assertThat(refused(longLine).getMessage()).contains("line 2").contains("longer than 4096");
        byte[] binary = {(byte) 0xC3, 0x28, '\n'};
        assertThatThrownBy(() -> EpssReader.read("bin", binary)).isInstanceOf(InputException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void cveKeysRoundTripAndRefuseWhatIsNotACveId() {
        assertThat(CveKey.text(CveKey.of("cve-2021-44228"))).isEqualTo("CVE-2021-44228");
        assertThat(CveKey.text(CveKey.of("CVE-2021-0001"))).isEqualTo("CVE-2021-0001");
        assertThat(CveKey.text(CveKey.of("CVE-2024-12345678"))).isEqualTo("CVE-2024-12345678");
        assertThat(CveKey.of("CVE-2021-10086")).isGreaterThan(CveKey.of("CVE-2021-9999"));
        assertThat(CveKey.of("CVE-2021-01234")).isNegative(); // would be the same key as CVE-2021-1234
        assertThat(CveKey.of("CVE-21-1234")).isNegative();
        assertThat(CveKey.of("CVE-2021-123")).isNegative();
        assertThat(CveKey.of("GHSA-2021-1234")).isNegative();
        assertThat(CveKey.of(null)).isNegative();
    }
}
