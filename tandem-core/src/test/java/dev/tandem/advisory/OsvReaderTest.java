package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.advisory.cvss.Rating;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import dev.tandem.input.JsonInput;
import dev.tandem.version.AffectedVersions;
import dev.tandem.version.RangeEvent.Kind;
import dev.tandem.version.RangeEvent;
import dev.tandem.version.RangeType;
import dev.tandem.version.VersionRange;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OsvReaderTest {

    private static final String MINIMAL = "{\"id\":\"TEST-1\",\"modified\":\"2024-01-01T00:00:00Z\"";

    @Test
    void readsARustSecRecordExactly() throws Exception {
        Advisory advisory = OsvReader.read(Fixtures.path("osv/crates.io/RUSTSEC-2023-0061.json"));
        assertThat(advisory.id()).isEqualTo("RUSTSEC-2023-0061");
        assertThat(advisory.source()).endsWith("RUSTSEC-2023-0061.json");
        assertThat(advisory.summary()).isEqualTo("libwebp: OOB write in BuildHuffmanTable");
        assertThat(advisory.details()).startsWith("[Google](https://chromereleases.googleblog.com/")
                .endsWith("to include a patch for \"OOB write in BuildHuffmanTable\".");
        assertThat(advisory.published()).isEqualTo(Instant.parse("2023-09-12T12:00:00Z"));
        assertThat(advisory.modified()).isEqualTo(Instant.parse("2024-02-10T15:57:43Z"));
        assertThat(advisory.withdrawn()).isNull();
        assertThat(advisory.aliases()).containsExactly("CVE-2023-4863", "CVE-2023-5129", "GHSA-j7hp-h8jx-5ppr");
        assertThat(advisory.related()).isEmpty();
        assertThat(advisory.severities()).isEmpty();
        assertThat(advisory.affected()).containsExactly(new AffectedPackage("crates.io", "libwebp-sys",
                "pkg:cargo/libwebp-sys", new AffectedVersions(List.of(new VersionRange(RangeType.SEMVER, "", List.of(
                        new RangeEvent(Kind.INTRODUCED, "0.0.0-0"), new RangeEvent(Kind.FIXED, "0.9.3")))), List.of()),
                List.of()));
        assertThat(advisory.references()).containsExactly("https://crates.io/crates/libwebp-sys",
                "https://rustsec.org/advisories/RUSTSEC-2023-0061.html");
    }

    @Test
    void readsAGoRecordWithTwoIntroducedFixedPairsInOneRange() throws Exception {
        Advisory advisory = OsvReader.read(Fixtures.path("osv/go/GO-2022-0535.json"));
        assertThat(advisory.modified()).isEqualTo(Instant.parse("0001-01-01T00:00:00Z"));
        assertThat(advisory.published()).isEqualTo(Instant.parse("2022-08-01T22:21:17Z"));
        assertThat(advisory.aliases()).containsExactly("CVE-2020-0601");
        AffectedPackage stdlib = advisory.affected().get(0);
        assertThat(stdlib.ecosystem()).isEqualTo("Go");
        assertThat(stdlib.name()).isEqualTo("stdlib");
        assertThat(stdlib.purl()).isEmpty();
        assertThat(stdlib.versions().ranges().get(0).events()).containsExactly(
                new RangeEvent(Kind.INTRODUCED, "0"), new RangeEvent(Kind.FIXED, "1.12.16"),
                new RangeEvent(Kind.INTRODUCED, "1.13.0-0"), new RangeEvent(Kind.FIXED, "1.13.7"));
        assertThat(advisory.references()).hasSize(4);
    }

    @Test
    void readsAPypaYamlRecordWithGitAndEcosystemRangesAndAVersionList() throws Exception {
        Advisory advisory = OsvReader.read(Fixtures.path("osv/pypi/PYSEC-2023-74.yaml"));
        assertThat(advisory.id()).isEqualTo("PYSEC-2023-74");
        assertThat(advisory.modified()).isEqualTo(Instant.parse("2023-06-05T01:13:00.534973Z"));
        assertThat(advisory.aliases()).containsExactly("CVE-2023-32681", "GHSA-j8r2-6x86-q33q");
        assertThat(advisory.details()).startsWith("Requests is a HTTP library.").endsWith("version 2.31.0.\n\n");
        AffectedPackage requests = advisory.affected().get(0);
        assertThat(requests.purl()).isEqualTo("pkg:pypi/requests");
        assertThat(requests.versions().ranges()).containsExactly(
                new VersionRange(RangeType.GIT, "https://github.com/psf/requests", List.of(
                        new RangeEvent(Kind.INTRODUCED, "0"),
                        new RangeEvent(Kind.FIXED, "74ea7cf7a6a27a4eeb2ae24e162bcc942a6706d5"))),
                new VersionRange(RangeType.ECOSYSTEM, "", List.of(
                        new RangeEvent(Kind.INTRODUCED, "2.3.0"), new RangeEvent(Kind.FIXED, "2.31.0"))));
        assertThat(requests.versions().versions()).hasSize(66).startsWith("2.10.0", "2.11.0").endsWith("2.9.2")
                .contains("2.3.0", "2.30.0");
        assertThat(advisory.references()).hasSize(5);
    }

    @Test
    void readsTheLegacyPypaShapeOfPysec201916() throws Exception {
        // PYSEC-2019-16 predates OSV 1.0: a top-level package and ranges with introduced/fixed keys.
        // It is the DT #6988 regression case: two introduced/fixed pairs for one package.
        Advisory advisory = OsvReader.read(Fixtures.path("osv/pypi/PYSEC-2019-16.yaml"));
        assertThat(advisory.aliases()).containsExactly("CVE-2019-19844");
        assertThat(advisory.summary()).isEqualTo("Vulnerability in django");
        assertThat(advisory.affected()).containsExactly(new AffectedPackage("PyPI", "django", "",
                new AffectedVersions(List.of(
                        new VersionRange(RangeType.ECOSYSTEM, "", List.of(new RangeEvent(Kind.INTRODUCED, "0"),
                                new RangeEvent(Kind.FIXED, "1.11.27"))),
                        new VersionRange(RangeType.ECOSYSTEM, "", List.of(new RangeEvent(Kind.INTRODUCED, "2.2"),
                                new RangeEvent(Kind.FIXED, "2.2.9")))), List.of()), List.of()));
        assertThat(advisory.references()).hasSize(10);
    }

    @Test
    void readsGhsaSeveritiesAndTheDatabaseSpecificFallback() throws Exception {
        Advisory lodash = OsvReader.read(Fixtures.path("osv/ghsa/GHSA-35jh-r3h4-6jhm.json"));
        assertThat(lodash.severities()).containsExactly(
                new SeverityScore("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H", 7.2, Rating.HIGH),
                new SeverityScore(OsvReader.DATABASE_SPECIFIC_SEVERITY, "HIGH", Double.NaN, Rating.HIGH));
        assertThat(lodash.affected()).extracting(AffectedPackage::ecosystem, AffectedPackage::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("npm", "lodash"),
                        org.assertj.core.groups.Tuple.tuple("npm", "lodash-es"));
        Advisory log4j = OsvReader.read(Fixtures.path("osv/ghsa/GHSA-jfh8-c2jp-5v3q.json"));
        assertThat(log4j.severities().get(0).baseScore()).isEqualTo(10.0);
        assertThat(log4j.severities().get(0).rating()).isEqualTo(Rating.CRITICAL);
        assertThat(log4j.affected()).hasSize(3).allSatisfy(a -> {
            assertThat(a.ecosystem()).isEqualTo("Maven");
            assertThat(a.name()).isEqualTo("org.apache.logging.log4j:log4j-core");
        });
        assertThat(log4j.affected().get(2).versions().ranges().get(0).events()).containsExactly(
                new RangeEvent(Kind.INTRODUCED, "2.4"), new RangeEvent(Kind.FIXED, "2.12.2"));
    }

    @Test
    void scoresCvssV3AndV4SeveritiesOfRealRecords() throws Exception {
        Advisory v30 = OsvReader.read(Fixtures.path("osv/crates.io/RUSTSEC-2016-0001.json"));
        assertThat(v30.severities()).containsExactly(new SeverityScore("CVSS_V3",
                "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H", 8.1, Rating.HIGH));
        Advisory v40 = OsvReader.read(Fixtures.path("osv/crates.io/RUSTSEC-2024-0445.json"));
        SeverityScore score = v40.severities().get(0);
        assertThat(score.type()).isEqualTo("CVSS_V4");
        assertThat(score.vector()).isEqualTo("CVSS:4.0/AV:N/AC:L/AT:P/PR:L/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N");
        assertThat(score.problem()).isEmpty();
        assertThat(score.isScored()).isTrue();
    }

    @Test
    void keepsAnAffectedEntryWithoutAPackage() throws Exception {
        Advisory advisory = OsvReader.read(Fixtures.path("osv/osv-linter/CVE-2023-41045.json"));
        assertThat(advisory.affected()).hasSize(1);
        AffectedPackage gitOnly = advisory.affected().get(0);
        assertThat(gitOnly.ecosystem()).isEmpty();
        assertThat(gitOnly.name()).isEmpty();
        assertThat(gitOnly.versions().ranges().get(0).repo()).isEqualTo("https://github.com/graylog2/graylog2-server");
        assertThat(gitOnly.versions().ranges().get(0).events()).extracting(RangeEvent::kind)
                .containsExactly(Kind.INTRODUCED, Kind.FIXED, Kind.FIXED);
    }

    @Test
    void readsAWithdrawnRecordAndFlagsIt() throws Exception {
        Advisory advisory = OsvReader.read(Fixtures.path("osv/osv-linter/RHSA-2022_0216-withdrawn.json"));
        assertThat(advisory.isWithdrawn()).isTrue();
        assertThat(advisory.withdrawn()).isEqualTo(Instant.parse("2024-09-05T17:42:35Z"));
        assertThat(advisory.related()).containsExactly("CVE-2021-44832", "CVE-2021-45046", "CVE-2021-45105");
        assertThat(advisory.affected()).isEmpty();
    }

    @Test
    void ignoresUnknownFieldsAtEveryLevel() throws Exception {
        Advisory advisory = parse(MINIMAL + ",\"future\":{\"deep\":[1,{\"x\":null}]},\"affected\":[{\"package\":"
                + "{\"ecosystem\":\"npm\",\"name\":\"a\",\"new\":1},\"ranges\":[{\"type\":\"SEMVER\",\"x\":[],"
                + "\"events\":[{\"introduced\":\"0\",\"note\":\"n\"}]}],\"extra\":true}],"
                + "\"severity\":[{\"type\":\"Ubuntu\",\"score\":\"medium\",\"source\":\"x\"}]}");
        assertThat(advisory.affected().get(0).versions().ranges().get(0).events())
                .containsExactly(new RangeEvent(Kind.INTRODUCED, "0"));
        assertThat(advisory.severities()).containsExactly(new SeverityScore("Ubuntu", "medium", Double.NaN, Rating.MEDIUM));
    }

    @Test
    void aMalformedVectorDoesNotFailTheRecord() throws Exception {
        Advisory advisory = parse(MINIMAL + ",\"severity\":[{\"type\":\"CVSS_V3\",\"score\":\"CVSS:3.1/AV:N\"}]}");
        SeverityScore score = advisory.severities().get(0);
        assertThat(score.rating()).isEqualTo(Rating.UNKNOWN);
        assertThat(score.vector()).isEqualTo("CVSS:3.1/AV:N");
        assertThat(score.problem()).contains("base metric AC is missing");
    }

    @Test
    void readsAJsonArrayOfRecords() throws Exception {
        List<Advisory> records = OsvReader.readAll("all.json", bytes("[" + MINIMAL + "}," + MINIMAL.replace("TEST-1",
                "TEST-2") + "}]"), false, InputLimits.DEFAULT);
        assertThat(records).extracting(Advisory::id).containsExactly("TEST-1", "TEST-2");
        assertThat(records).extracting(Advisory::source).containsOnly("all.json");
    }

    @Test
    void truncatedJsonNamesFileAndLine() {
        assertThatThrownBy(() -> parse("{\n\"id\": \"X\",\n\"affected\": [\n{\"package\":"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("test.json: line 4")
                .satisfies(e -> assertThat(((InputException) e).source()).isEqualTo("test.json"));
    }

    @Test
    void wrongTypesNameLineColumnAndPointer() {
        assertError(MINIMAL + ",\n\"affected\": {\"package\": {}}}", "affected must be an array, found an object", 2, 13,
                "/affected");
        assertError(MINIMAL + ",\"affected\":[{\"ranges\":{\"type\":\"SEMVER\"}}]}",
                "ranges must be an array, found an object", 1, 0, "/affected/0/ranges");
        assertError("{\"id\": 42, \"modified\":\"2024-01-01T00:00:00Z\"}", "id must be a string, found a number", 1, 8,
                "/id");
        assertError(MINIMAL + ",\"aliases\":[\"A\",7]}", "aliases entries must be a string, found a number", 1, 0,
                "/aliases/1");
        assertError("[1]", "an OSV record must be an object, found a number", 1, 2, "/0");
    }

    @Test
    void anEventWithTwoKeysIsAnError() {
        assertError(MINIMAL + ",\"affected\":[{\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":"
                        + "[{\"introduced\":\"0\"},{\"introduced\":\"1.0\",\"fixed\":\"2.0\"}]}]}]}",
                "an event must have exactly one of introduced, fixed, last_affected, limit; found introduced and fixed",
                1, 0, "/affected/0/ranges/0/events/1/fixed");
        assertError(MINIMAL + ",\"affected\":[{\"ranges\":[{\"type\":\"ECOSYSTEM\",\"events\":[{\"note\":\"x\"}]}]}]}",
                "an event must have exactly one of introduced, fixed, last_affected, limit", 1, 0,
                "/affected/0/ranges/0/events/0");
    }

    @Test
    void rangesNeedAKnownTypeAndEvents() {
        assertError(MINIMAL + ",\"affected\":[{\"ranges\":[{\"type\":\"DATE\",\"events\":[]}]}]}",
                "range type must be SEMVER, ECOSYSTEM or GIT, found \"DATE\"", 1, 0, "/affected/0/ranges/0/type");
        assertError(MINIMAL + ",\"affected\":[{\"ranges\":[{\"type\":\"GIT\"}]}]}", "a range needs at least one event", 1,
                0, "/affected/0/ranges/0");
    }

    @Test
    void rangeTypesAreTheirExactNames() throws InputException {
        for (RangeType type : RangeType.values()) {
            Advisory read = parse(MINIMAL + ",\"affected\":[{\"ranges\":[{\"type\":\"" + type.name()
                    + "\",\"events\":[{\"introduced\":\"0\"}]}]}]}");
            assertThat(read.affected().get(0).versions().ranges().get(0).type()).isEqualTo(type);
        }
        // Names of a type's length, or of no type's length (the table is indexed by length), and a long one.
        for (String name : List.of("semver", "SEMVEX", "GIt", "ECOSYSTEm", "", "S", "ECOSYSTEMS", "SEMVER ",
                "Ä".repeat(6), "GIT".repeat(30))) {
            assertError(MINIMAL + ",\"affected\":[{\"ranges\":[{\"type\":\"" + name + "\",\"events\":[]}]}]}",
                    "range type must be SEMVER, ECOSYSTEM or GIT, found \"" + OsvReader.shorten(name) + "\"", 1, 0,
                    "/affected/0/ranges/0/type");
        }
    }

    @Test
    void aRangeWithoutRepoOrWithANullOneHasAnEmptyRepo() throws InputException {
        for (String repo : List.of("", ",\"repo\":null")) {
            Advisory read = parse(MINIMAL + ",\"affected\":[{\"ranges\":[{\"type\":\"GIT\"" + repo
                    + ",\"events\":[{\"introduced\":\"a1\"}]}]}]}");
            assertThat(read.affected().get(0).versions().ranges().get(0).repo()).isEmpty();
        }
        Advisory read = parse(MINIMAL + ",\"affected\":[{\"ranges\":[{\"type\":\"GIT\",\"repo\":\"https://r\","
                + "\"events\":[{\"introduced\":\"a1\"}]}]}]}");
        assertThat(read.affected().get(0).versions().ranges().get(0).repo()).isEqualTo("https://r");
    }

    @Test
    void missingRequiredFieldsPointAtTheRecord() {
        assertError("{\n  \"modified\": \"2024-01-01T00:00:00Z\"\n}", "the OSV record has no \"id\"", 1, 1, "/");
        assertError("[{\"id\":\"A\",\"modified\":\"2024-01-01T00:00:00Z\"},\n {\"id\":\"B\"}]",
                "the OSV record B has no \"modified\" timestamp", 2, 2, "/1");
        assertError(MINIMAL + ",\"affected\":[{\"package\":{\"name\":\"x\"}}]}",
                "package needs both \"ecosystem\" and \"name\"", 1, 0, "/affected/0/package");
    }

    @Test
    void badTimestampsAreErrors() {
        assertError("{\"id\":\"A\",\"modified\":\"yesterday\"}",
                "modified must be an RFC 3339 timestamp such as 2024-01-31T12:00:00Z, found \"yesterday\"", 1, 0,
                "/modified");
    }

    @Test
    void yamlWithTabsOrGarbageNamesTheLine() {
        assertThatThrownBy(() -> yaml("id: A\nmodified: \"2024-01-01T00:00:00Z\"\naffected:\n\t- package: x\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("test.yaml: line 4");
        assertThatThrownBy(() -> yaml("id: A\n  : : ]]] {{\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("test.yaml: line 2");
        assertThatThrownBy(() -> yaml("just a string"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("an OSV record must be an object, found a string");
    }

    @Test
    void yamlTakesUnquotedNumbersAsWritten() throws Exception {
        Advisory advisory = yaml("id: A\nmodified: 2024-01-01T00:00:00Z\naffected:\n- package: {ecosystem: PyPI, name: x}\n"
                + "  ranges:\n  - type: ECOSYSTEM\n    events:\n    - introduced: 1.10\n    - fixed: 2\n");
        assertThat(advisory.affected().get(0).versions().ranges().get(0).events()).containsExactly(
                new RangeEvent(Kind.INTRODUCED, "1.10"), new RangeEvent(Kind.FIXED, "2"));
    }

    @Test
    void deepNestingInAnUnknownFieldIsRefused() {
        String nested = "[".repeat(5_000) + "]".repeat(5_000);
        assertThatThrownBy(() -> parse(MINIMAL + ",\"x\":" + nested + "}"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("test.json: line 1")
                .hasMessageContaining("nesting depth");
    }

    @Test
    void hugeStringsAreRefusedUnderTheLimit() {
        InputLimits tight = new InputLimits(1 << 20, 50, 1000, 10, 10);
        String text = MINIMAL + ",\"details\":\"" + "x".repeat(5000) + "\"}";
        assertThatThrownBy(() -> OsvReader.readAll("big.json", bytes(text), false, tight))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("big.json: line 1")
                .hasMessageContaining("String value length");
    }

    @Test
    void trailingContentAndEmptyDocumentsAreErrors() {
        assertThatThrownBy(() -> parse(MINIMAL + "} {}")).isInstanceOf(InputException.class)
                .hasMessageContaining("unexpected content after the OSV record");
        assertThatThrownBy(() -> parse("   ")).isInstanceOf(InputException.class)
                .hasMessage("test.json: line 1, column 1: the document is empty");
    }

    @Test
    void aYamlLineTooLongForSnakeYamlIsRefusedWithItsLine() {
        // One 60 MB YAML line kept SnakeYAML busy for minutes; the shape check refuses it at once.
        String text = "id: A\nmodified: 2024-01-01T00:00:00Z\ndetails: " + "x".repeat(JsonInput.MAX_YAML_LINE) + "\n";
        assertThatThrownBy(() -> yaml(text))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("test.yaml: line 3")
                .hasMessageContaining("longer than");
    }

    @Test
    void aHugeIdIsShortenedInTheMessage() {
        String id = "A".repeat(100_000);
        assertThatThrownBy(() -> parse("{\"id\":\"" + id + "\"}"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("has no \"modified\" timestamp")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(300));
    }

    private static void assertError(String json, String problem, int line, int column, String pointer) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InputException.class)
                .satisfies(thrown -> {
                    InputException e = (InputException) thrown;
                    assertThat(e.source()).isEqualTo("test.json");
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.position().line()).isEqualTo(line);
                    if (column > 0) {
                        assertThat(e.position().column()).isEqualTo(column);
                    }
                    assertThat(e.position().pointer()).isEqualTo(pointer);
                });
    }

    private static Advisory parse(String json) throws InputException {
        List<Advisory> records = OsvReader.readAll("test.json", bytes(json), false, InputLimits.DEFAULT);
        return records.get(0);
    }

    private static Advisory yaml(String text) throws InputException {
        return OsvReader.readAll("test.yaml", bytes(text), true, InputLimits.DEFAULT).get(0);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
