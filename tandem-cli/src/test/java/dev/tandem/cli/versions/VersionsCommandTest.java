package dev.tandem.cli.versions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.cli.CliRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whole {@code tandem versions ...} runs in-process: exit code, stdout, stderr. */
class VersionsCommandTest {

    static CliRun run(String stdin, String... args) {
        return CliRun.withStdin(stdin, args);
    }

    @ParameterizedTest(name = "{0}: {1} {2} {3}")
    @CsvSource(delimiter = '|', textBlock = """
            npm                       | 1.0.0-alpha   | 1.0.0          | <
            npm                       | 1.2.3+build   | 1.2.3          | =
            PyPI                      | 1.0           | 1.0.0          | =
            PyPI                      | 1.0.post1     | 1.0            | >
            Maven                     | 1.0-SNAPSHOT  | 1.0            | <
            Maven                     | 1.0.Final     | 1.0            | =
            Go                        | v1.2.3        | 1.2.3          | =
            Debian:12                 | 1.0~rc1-1     | 1.0-1          | <
            Ubuntu:22.04:LTS          | 1:1.0         | 2.0            | >
            Alpine:v3.18              | 1.2_rc1-r0    | 1.2-r0         | <
            Red Hat:enterprise_linux:9 | 0:1.0-1.el9  | 1.0-2.el9      | <
            NuGet                     | 1.0.0-BETA    | 1.0.0-beta     | =
            RubyGems                  | 1.0.a         | 1.0            | <
            Packagist                 | 1.0RC1        | 1.0            | <
            crates.io                 | 0.10.0        | 0.9.0          | >
            """)
    void comparePrintsOneSymbol(String ecosystem, String a, String b, String symbol) {
        CliRun r = run("", "versions", "compare", "--ecosystem", ecosystem, a, b);
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo(symbol + System.lineSeparator());
        assertThat(r.err()).isEmpty();
    }

    @Test
    void compareRejectsAnInvalidVersionWithExitTwo() {
        CliRun r = run("", "versions", "compare", "--ecosystem", "npm", "1.2", "1.2.0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("tandem: npm version \"1.2\" is invalid").doesNotContain("Exception");
    }

    @Test
    void compareRejectsAnUnknownEcosystemWithExitTwo() {
        CliRun r = run("", "versions", "compare", "--ecosystem", "Pub", "1.0.0", "2.0.0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no version ordering is known for ecosystem \"Pub\"").contains("PyPI").contains("npm");
    }

    @Test
    void compareWithoutTheEcosystemIsBadUsage() {
        CliRun r = run("", "versions", "compare", "1.0", "2.0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--ecosystem");
    }

    @Test
    void sortPrintsAscendingIgnoringBlankLines() {
        CliRun r = run("2.0.0\n\n1.0.0-rc.1\n  \n1.0.0\n10.0.0\n1.0.0-alpha\n", "versions", "sort", "--ecosystem", "npm");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly("1.0.0-alpha", "1.0.0-rc.1", "1.0.0", "2.0.0", "10.0.0");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void sortKeepsInputOrderForEqualVersions() {
        CliRun r = run("1.0.0\n1.0\n1\n0.9\n1.0.0.0\n", "versions", "sort", "--ecosystem", "Maven");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly("0.9", "1.0.0", "1.0", "1", "1.0.0.0");
    }

    @Test
    void sortOrdersDebianVersionsLikeDpkg() {
        CliRun r = run("1.0-1\r\n1:0.5-1\r\n1.0~rc1-1\r\n1.0-1+deb12u1\r\n", "versions", "sort", "--ecosystem", "Debian:12");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly("1.0~rc1-1", "1.0-1", "1.0-1+deb12u1", "1:0.5-1");
    }

    @Test
    void sortNamesTheLineOfAnInvalidVersion() {
        CliRun r = run("1.0.0\n\nnot-a-version\n2.0.0\n", "versions", "sort", "--ecosystem", "npm");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("tandem: <stdin>: line 3: npm version \"not-a-version\" is invalid");
    }

    @Test
    void sortOfNothingPrintsNothing() {
        CliRun r = run("\n\n", "versions", "sort", "--ecosystem", "PyPI");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void versionsAloneAsksForASubcommand() {
        CliRun r = run("", "versions");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("compare or sort");
    }

    @Test
    void sortRefusesAHostileEndlessLine() {
        CliRun r = run("1.0.0\n" + "9".repeat(100_000) + "\n", "versions", "sort", "--ecosystem", "npm");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("tandem: <stdin>: line 2: line longer than 4096 characters");
    }

    @Test
    void sortNamesAVersionTooLongForAnyScheme() {
        CliRun r = run("1." + "1".repeat(2000) + "\n", "versions", "sort", "--ecosystem", "Maven");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("tandem: <stdin>: line 1: Maven version").contains("longer than 1024 characters");
    }
}
