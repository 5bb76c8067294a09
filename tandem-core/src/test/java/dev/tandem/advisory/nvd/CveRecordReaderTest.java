package dev.tandem.advisory.nvd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.advisory.AdvisoryFeed;
import dev.tandem.advisory.cvss.Rating;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.cpe.ApplicabilityNode;
import dev.tandem.cpe.ApplicabilityVerdict;
import dev.tandem.cpe.CpeMatch;
import dev.tandem.cpe.CpeName;
import dev.tandem.cpe.Inventory;
import dev.tandem.cpe.Operator;
import dev.tandem.cpe.Truth;
import dev.tandem.input.InputException;
import dev.tandem.input.InputLimits;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every record shape, from real records, and the errors bad ones get. */
class CveRecordReaderTest {

    static List<CveRecord> read(String source, String text) throws InputException {
        return CveRecordReader.readAll(source, text.getBytes(StandardCharsets.UTF_8), InputLimits.DEFAULT, null);
    }

    static CveRecord one(String fixture) throws InputException {
        List<CveRecord> records = read(fixture, NvdFixtures.text(fixture));
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    /** Judges a component alone: the SBOM lists it and no platform. */
    static ApplicabilityVerdict alone(CveRecord record, String cpe) throws Exception {
        CpeName name = CpeName.parse(cpe);
        Inventory inventory = match -> switch (match.test(name)) {
            case CpeMatch.Outcome.Match m -> Truth.TRUE;
            case CpeMatch.Outcome.Undecided u -> Truth.UNKNOWN;
            case CpeMatch.Outcome.NoMatch n -> match.name().productKey().equals(name.productKey()) ? Truth.FALSE : Truth.UNKNOWN;
        };
        return record.applicability().evaluate(name, inventory);
    }

    @Nested
    class NvdApi2 {

        @Test
        void readsARecordWithItsScoresSourcesAndConfiguration() throws Exception {
            CveRecord record = one("api-2.0/CVE-2023-1389.json");
            assertThat(record.id()).isEqualTo("CVE-2023-1389");
            assertThat(record.format()).isEqualTo(RecordFormat.NVD_API_2);
            assertThat(record.status()).isEqualTo("Modified");
            assertThat(record.isRejected()).isFalse();
            assertThat(record.advisory().feed()).isEqualTo(AdvisoryFeed.NVD);
            assertThat(record.advisory().summary()).startsWith("TP-Link Archer AX21 (AX1800) firmware versions before 1.1.4");
            assertThat(record.advisory().published()).isEqualTo(Instant.parse("2023-03-15T23:15:09.403Z"));
            assertThat(record.advisory().modified()).isEqualTo(Instant.parse("2025-10-21T20:19:18.847Z"));
            assertThat(record.advisory().severities()).extracting(SeverityScore::source).containsExactly(
                    "NVD CVE-2023-1389 (nvd@nist.gov, Primary)",
                    "NVD CVE-2023-1389 (134c704f-9b21-4f2e-91b3-4a467353bcc0, Secondary)");
            assertThat(record.advisory().severities().get(0).baseScore()).isEqualTo(8.8);
            assertThat(record.advisory().severities().get(0).rating()).isEqualTo(Rating.HIGH);
            assertThat(record.advisory().references()).hasSize(4);
            // One configuration: AND over the firmware node and the hardware node.
            assertThat(record.applicability().configurations()).hasSize(1);
            ApplicabilityNode.Group configuration = record.applicability().configurations().get(0);
            assertThat(configuration.operator()).isEqualTo(Operator.AND);
            assertThat(configuration.children()).hasSize(2);
            assertThat(record.applicability().matches()).extracting(CpeMatch::criteria, CpeMatch::vulnerable,
                    m -> m.bounds().endExcluding(), CpeMatch::matchCriteriaId).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("cpe:2.3:o:tp-link:archer_ax21_firmware:*:*:*:*:*:*:*:*", true,
                            "1.1.4", "E2DBA0CE-1871-4B4E-BCBD-3693E61DF23E"),
                    org.assertj.core.groups.Tuple.tuple("cpe:2.3:h:tp-link:archer_ax21:-:*:*:*:*:*:*:*", false, null,
                            "2DF5A235-4531-4F03-882C-C2A6B6D07A5D"));
            assertThat(record.applicability().vulnerableProducts()).containsExactly("o:tp\\-link:archer_ax21_firmware");
        }

        @Test
        void aRejectedRecordIsWithdrawnAndAppliesToNothing() throws Exception {
            CveRecord record = one("api-2.0/CVE-2021-3419.json");
            assertThat(record.isRejected()).isTrue();
            assertThat(record.advisory().isWithdrawn()).isTrue();
            assertThat(record.applicability().isEmpty()).isTrue();
        }

        @Test
        void readsAnApiResponseOrYearlyFeedElementByElement() throws Exception {
            String response = "{\"resultsPerPage\":2,\"startIndex\":0,\"totalResults\":2,\"format\":\"NVD_CVE\",\"version\":\"2.0\","
                    + "\"timestamp\":\"2026-12-06T00:00:00.000\",\"vulnerabilities\":[{\"cve\":"
                    + NvdFixtures.text("api-2.0/CVE-2023-1389.json") + "},{\"cve\":"
                    + NvdFixtures.text("api-2.0/CVE-2024-1086.json") + "}]}";
            List<CveRecord> records = read("nvdcve-2.0-recent.json", response);
            assertThat(records).extracting(CveRecord::id).containsExactly("CVE-2023-1389", "CVE-2024-1086");
            // A single element of such a response, alone.
            assertThat(read("element.json", "{\"cve\":" + NvdFixtures.text("api-2.0/CVE-2024-1086.json") + "}"))
                    .extracting(CveRecord::id).containsExactly("CVE-2024-1086");
        }

        @Test
        void aBadElementOfAFeedNamesItsPointerAndALenientReadKeepsTheOthers() throws Exception {
            String feed = "{\"vulnerabilities\":[{\"cve\":" + NvdFixtures.text("api-2.0/CVE-2023-1389.json")
                    + "},{\"cve\":{\"id\":\"CVE-2099-0001\",\"configurations\":[{\"nodes\":[{\"operator\":\"OR\",\"cpeMatch\":"
                    + "[{\"vulnerable\":true,\"criteria\":\"cpe:2.3:a:foo\"}]}]}]}}]}";
            assertThatThrownBy(() -> read("feed.json", feed)).isInstanceOf(InputException.class)
                    .hasMessageContaining("feed.json: line 150, column")
                    .hasMessageContaining("at /vulnerabilities/1/cve/configurations/0/nodes/0/cpeMatch/0/criteria")
                    .hasMessageContaining("malformed CPE name \"cpe:2.3:a:foo\"");
            List<InputException> problems = new ArrayList<>();
            List<CveRecord> records = CveRecordReader.readAll("feed.json", feed.getBytes(StandardCharsets.UTF_8),
                    InputLimits.DEFAULT, problems);
            assertThat(records).extracting(CveRecord::id).containsExactly("CVE-2023-1389");
            assertThat(problems).hasSize(1);
        }

        @Test
        void aRecordWithoutConfigurationsAppliesToNothing() throws Exception {
            CveRecord record = read("awaiting.json", "{\"id\":\"CVE-2023-4881\",\"vulnStatus\":\"Awaiting Analysis\","
                    + "\"descriptions\":[{\"lang\":\"es\",\"value\":\"texto\"},{\"lang\":\"en\",\"value\":\"Linux kernel text\"}],"
                    + "\"metrics\":{}}").get(0);
            assertThat(record.applicability().isEmpty()).isTrue();
            assertThat(record.advisory().summary()).isEqualTo("Linux kernel text");
        }
    }

    @Nested
    class NvdJson11 {

        @Test
        void readsAnItemWithAndNodesAndEscapedProductNames() throws Exception {
            CveRecord record = one("json-1.1/CVE-2015-3035.json");
            assertThat(record.id()).isEqualTo("CVE-2015-3035");
            assertThat(record.format()).isEqualTo(RecordFormat.NVD_JSON_1_1);
            assertThat(record.advisory().severities()).singleElement().satisfies(score -> {
                assertThat(score.type()).isEqualTo("CVSS_V2");
                assertThat(score.baseScore()).isEqualTo(7.8);
                assertThat(score.source()).isEqualTo("NVD CVE-2015-3035 (nvd@nist.gov)");
            });
            // Every top-level node is an alternative: each an AND of firmware and hardware.
            assertThat(record.applicability().configurations()).allSatisfy(c -> assertThat(c.operator()).isEqualTo(Operator.AND));
            assertThat(record.applicability().vulnerableProducts()).contains("o:tp\\-link:archer_c5_\\(1\\.2\\)_firmware",
                    // The one hardware NVD marked vulnerable (an oddity of this record) is indexed too.
                    "h:tp\\-link:tl\\-wr741nd_\\(5\\.0\\)");
            assertThat(record.advisory().published()).isEqualTo(Instant.parse("2015-04-22T01:59:00Z"));
        }

        @Test
        void anAndNodeWithCriteriaButNoChildrenJoinsItsCriteria() throws Exception {
            // CVE-2021-28039: an AND node holding its cpe_match entries directly (x86 Linux and Xen, both vulnerable).
            CveRecord record = one("json-1.1/CVE-2021-28039.json");
            ApplicabilityNode.Group and = record.applicability().configurations().get(0);
            assertThat(and.operator()).isEqualTo(Operator.AND);
            assertThat(and.children()).hasSize(2).allSatisfy(c -> assertThat(c).isInstanceOf(ApplicabilityNode.Leaf.class));
            String kernel = "cpe:2.3:o:linux:linux_kernel:5.10.20:*:*:*:*:*:*:*";
            // The kernel alone: Xen is not listed, so the AND can be neither confirmed nor ruled out.
            assertThat(alone(record, kernel)).isInstanceOf(ApplicabilityVerdict.Undecided.class);
            CpeName linux = CpeName.parse(kernel);
            CpeName xen = CpeName.parse("cpe:2.3:o:xen:xen:-:*:*:*:*:*:*:*");
            Inventory both = match -> match.test(linux) instanceof CpeMatch.Outcome.Match
                    || match.test(xen) instanceof CpeMatch.Outcome.Match ? Truth.TRUE : Truth.UNKNOWN;
            assertThat(record.applicability().evaluate(linux, both)).isInstanceOf(ApplicabilityVerdict.Affected.class);
        }

        @Test
        void aRejectDescriptionMarksTheRecordRejected() throws Exception {
            CveRecord record = one("json-1.1/CVE-2007-5908.json");
            assertThat(record.isRejected()).isTrue();
            assertThat(record.status()).isEqualTo("Rejected");
        }

        @Test
        void readsAFeed() throws Exception {
            String feed = "{\"CVE_data_type\":\"CVE\",\"CVE_data_format\":\"MITRE\",\"CVE_data_version\":\"4.0\","
                    + "\"CVE_data_numberOfCVEs\":\"2\",\"CVE_data_timestamp\":\"2021-04-09T07:00Z\",\"CVE_Items\":["
                    + NvdFixtures.text("json-1.1/CVE-2014-0160.json") + "," + NvdFixtures.text("json-1.1/CVE-2015-3035.json") + "]}";
            assertThat(read("nvdcve-1.1-2014.json", feed)).extracting(CveRecord::id)
                    .containsExactly("CVE-2014-0160", "CVE-2015-3035");
        }
    }

    @Nested
    class CveJson5 {

        @Test
        void turnsCisaAdpAffectedCpesIntoCriteria() throws Exception {
            CveRecord record = one("cve-5/CVE-2024-1086.json");
            assertThat(record.format()).isEqualTo(RecordFormat.CVE_JSON_5);
            assertThat(record.status()).isEqualTo("PUBLISHED");
            assertThat(record.advisory().feed()).isEqualTo(AdvisoryFeed.CVE);
            assertThat(record.advisory().summary()).isEqualTo("Use-after-free in Linux kernel's netfilter: nf_tables component");
            assertThat(record.advisory().severities()).extracting(SeverityScore::source)
                    .containsExactly("CVE List CVE-2024-1086 (CNA Google)");
            // ADP: cpe:2.3:o:linux:linux_kernel:3.15 with 3.15 <= v < 6.8; the CPE names the product, the range the versions.
            assertThat(record.applicability().matches()).singleElement().satisfies(match -> {
                assertThat(match.criteria()).isEqualTo("cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*");
                assertThat(match.bounds().startIncluding()).isEqualTo("3.15");
                assertThat(match.bounds().endExcluding()).isEqualTo("6.8");
            });
            assertThat(alone(record, "cpe:2.3:o:linux:linux_kernel:6.6.14:*:*:*:*:*:*:*"))
                    .isInstanceOf(ApplicabilityVerdict.Affected.class);
            assertThat(alone(record, "cpe:2.3:o:linux:linux_kernel:6.8:*:*:*:*:*:*:*"))
                    .isEqualTo(ApplicabilityVerdict.NOT_AFFECTED);
        }

        @Test
        void prefersCpeApplicabilityAndNotesGitRanges() throws Exception {
            CveRecord record = one("cve-5/CVE-2025-37899.json");
            assertThat(record.applicability().matches()).hasSize(5)
                    .allSatisfy(m -> assertThat(m.bounds().startIncluding()).isEqualTo("5.15"));
            // Its affected entries name no CPE (vendor and product names only): they are not used, and need no note.
            assertThat(record.notes()).isEmpty();
            assertThat(alone(record, "cpe:2.3:o:linux:linux_kernel:6.1.158:*:*:*:*:*:*:*"))
                    .isInstanceOf(ApplicabilityVerdict.Affected.class);
            assertThat(alone(record, "cpe:2.3:o:linux:linux_kernel:6.1.159:*:*:*:*:*:*:*"))
                    .isInstanceOf(ApplicabilityVerdict.Affected.class); // still below 6.6.119: the record's own ranges overlap
            assertThat(alone(record, "cpe:2.3:o:linux:linux_kernel:6.15:*:*:*:*:*:*:*"))
                    .isEqualTo(ApplicabilityVerdict.NOT_AFFECTED);
        }

        @Test
        void keepsCisaAdpDataAsPublishedQuirksIncluded() throws Exception {
            // A CPE version "-" with a range (the range decides), and "5.64" where 5.6.4 was meant.
            CveRecord wolfssl = one("cve-5/CVE-2023-6937.json");
            assertThat(wolfssl.applicability().matches()).singleElement().satisfies(match -> {
                assertThat(match.criteria()).isEqualTo("cpe:2.3:a:wolfssl:wolfssl:*:*:*:*:*:*:*:*");
                assertThat(match.bounds().startIncluding()).isNull(); // "version": "0" is "from the start"
                assertThat(match.bounds().endIncluding()).isEqualTo("5.64");
            });
            // A "-" start version and an escaped slash in a product.
            CveRecord tplink = one("cve-5/CVE-2023-50224.json");
            assertThat(alone(tplink, "cpe:2.3:o:tp-link:tl-wr841n_firmware:3.16.9:*:*:*:*:*:*:*"))
                    .isInstanceOf(ApplicabilityVerdict.Affected.class);
            CveRecord http2 = one("cve-5/CVE-2023-45288.json");
            assertThat(http2.applicability().vulnerableProducts()).contains("a:go_standard_library:net\\/http");
            assertThat(http2.advisory().severities()).extracting(SeverityScore::source)
                    .contains("CVE List CVE-2023-45288 (ADP CISA-ADP)");
        }

        @Test
        void notesWhatOfAnAffectedEntryWithCpesCannotBeUsed() throws Exception {
            String record = """
                    {"cveMetadata":{"cveId":"CVE-2099-0002","state":"PUBLISHED"},
                     "containers":{"cna":{"descriptions":[{"lang":"en","value":"x"}],
                      "affected":[{"cpes":["cpe:2.3:a:x:y:*:*:*:*:*:*:*:*"],"defaultStatus":"unaffected",
                        "versions":[{"version":"abc123","lessThan":"def456","status":"affected","versionType":"git"},
                                    {"version":"1.0","lessThan":"1.5","status":"affected","versionType":"semver"}]}]}}}
                    """;
            CveRecord parsed = read("git.json", record).get(0);
            assertThat(parsed.notes()).containsExactly(
                    "affected versions of type git (commit ranges) cannot be CPE version ranges; they were not used");
            assertThat(parsed.applicability().matches()).singleElement()
                    .satisfies(m -> assertThat(m.bounds().describe()).isEqualTo("from 1.0 (including) up to 1.5 (excluding)"));
        }

        @Test
        void readsDefaultStatusAffectedWithUnaffectedSeries() throws Exception {
            // The kernel CNA's shape, with a CPE as CISA's ADP would add it.
            String record = """
                    {"dataType":"CVE_RECORD","dataVersion":"5.1",
                     "cveMetadata":{"cveId":"CVE-2099-0001","state":"PUBLISHED","datePublished":"2025-01-01T00:00:00"},
                     "containers":{"cna":{"providerMetadata":{"shortName":"Linux"},
                      "descriptions":[{"lang":"en","value":"In the Linux kernel, a bug."}],
                      "affected":[{"vendor":"Linux","product":"Linux","cpes":["cpe:2.3:o:linux:linux_kernel:*:*:*:*:*:*:*:*"],
                        "defaultStatus":"affected",
                        "versions":[{"version":"5.15","status":"affected"},
                          {"version":"0","lessThan":"5.15","status":"unaffected","versionType":"semver"},
                          {"version":"6.1.159","lessThanOrEqual":"6.1.*","status":"unaffected","versionType":"semver"},
                          {"version":"6.15","lessThanOrEqual":"*","status":"unaffected","versionType":"original_commit_for_fix"}]}]}}}
                    """;
            CveRecord parsed = read("kernel.json", record).get(0);
            assertThat(alone(parsed, "cpe:2.3:o:linux:linux_kernel:5.14:*:*:*:*:*:*:*")).isEqualTo(ApplicabilityVerdict.NOT_AFFECTED);
            assertThat(alone(parsed, "cpe:2.3:o:linux:linux_kernel:6.1.100:*:*:*:*:*:*:*")).isInstanceOf(ApplicabilityVerdict.Affected.class);
            assertThat(alone(parsed, "cpe:2.3:o:linux:linux_kernel:6.1.159:*:*:*:*:*:*:*")).isEqualTo(ApplicabilityVerdict.NOT_AFFECTED);
            assertThat(alone(parsed, "cpe:2.3:o:linux:linux_kernel:6.1.200:*:*:*:*:*:*:*")).isEqualTo(ApplicabilityVerdict.NOT_AFFECTED);
            assertThat(alone(parsed, "cpe:2.3:o:linux:linux_kernel:6.3:*:*:*:*:*:*:*")).isInstanceOf(ApplicabilityVerdict.Affected.class);
            assertThat(alone(parsed, "cpe:2.3:o:linux:linux_kernel:6.15.2:*:*:*:*:*:*:*")).isEqualTo(ApplicabilityVerdict.NOT_AFFECTED);
            assertThat(parsed.advisory().summary()).isEqualTo("In the Linux kernel, a bug.");
        }

        @Test
        void aRejectedRecordIsWithdrawn() throws Exception {
            CveRecord record = read("rejected.json", """
                    {"dataType":"CVE_RECORD","dataVersion":"5.1","cveMetadata":{"cveId":"CVE-2023-5129","state":"REJECTED",
                     "dateUpdated":"2023-09-27T15:12:40.000Z"},
                     "containers":{"cna":{"rejectedReasons":[{"lang":"en","value":"This CVE ID has been rejected. Duplicate of CVE-2023-4863."}]}}}
                    """).get(0);
            assertThat(record.isRejected()).isTrue();
            assertThat(record.advisory().summary()).startsWith("This CVE ID has been rejected");
        }
    }

    @Nested
    class BadInput {

        private void refused(String text, String... expected) {
            var thrown = assertThatThrownBy(() -> read("bad.json", text)).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("bad.json");
            for (String part : expected) {
                thrown.hasMessageContaining(part);
            }
        }

        @Test
        void refusesWhatIsNotARecordWithAClearMessage() {
            refused("", "the document is empty");
            refused("[1, 2]", "not an NVD or CVE record: expected a JSON object, found an array");
            refused("{\"hello\":\"world\"}", "not an NVD or CVE record: expected an NVD CVE API 2.0 record");
            refused("{\"id\":\"CVE-2014-0160\",\"vulnStatus\":\"Analyzed\"", "line 1");
            refused("{\"id\":\"GHSA-1234\",\"vulnStatus\":\"Analyzed\"}", "expected a CVE id such as CVE-2014-0160");
            refused("{\"id\":\"CVE-2014-0160\",\"vulnStatus\":\"Analyzed\"} {}", "more content after the end");
        }

        @Test
        void refusesDuplicateKeysWrongTypesAndBadValuesNamingThePointer() {
            refused("{\"id\":\"CVE-2014-0160\",\"id\":\"CVE-2014-0161\",\"vulnStatus\":\"Analyzed\"}", "line 1, column 27", "key 'id' is given twice in one object");
            refused("{\"id\":\"CVE-2014-0160\",\"vulnStatus\":\"Analyzed\",\"configurations\":\"none\"}",
                    "at /configurations", "expected an array, found a string");
            refused("{\"id\":\"CVE-2014-0160\",\"vulnStatus\":\"Analyzed\",\"published\":\"yesterday\"}",
                    "at /published", "expected a timestamp");
            refused("{\"id\":\"CVE-2014-0160\",\"configurations\":[{\"operator\":\"XOR\",\"nodes\":[{\"cpeMatch\":[]}]}]}",
                    "at /configurations/0/operator", "operator must be OR or AND, found \"XOR\"");
            refused("{\"id\":\"CVE-2014-0160\",\"configurations\":[{\"nodes\":[{\"cpeMatch\":[{\"criteria\":"
                    + "\"cpe:2.3:a:x:y:*:*:*:*:*:*:*:*\"}]}]}]}", "needs \"vulnerable\"");
            refused("{\"cveMetadata\":{\"state\":\"PUBLISHED\"},\"containers\":{}}", "at /cveMetadata", "has no CVE id");
        }

        @Test
        void refusesDeepNestingAndHugeStrings() {
            refused("{\"id\":\"CVE-2014-0160\",\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}", "nesting depth");
            InputLimits small = new InputLimits(1 << 20, 200, 1_000, 10, 1 << 20);
            String big = "{\"id\":\"CVE-2014-0160\",\"descriptions\":[{\"lang\":\"en\",\"value\":\"" + "x".repeat(2_000) + "\"}]}";
            assertThatThrownBy(() -> CveRecordReader.readAll("big.json", big.getBytes(StandardCharsets.UTF_8), small, null))
                    .isInstanceOf(InputException.class).hasMessageContaining("big.json").hasMessageContaining("String value length");
        }

        @Test
        void refusesDeeplyNestedLegacyNodes() {
            String node = "{\"operator\":\"OR\",\"children\":[%s],\"cpe_match\":[]}";
            String nested = "{\"operator\":\"OR\",\"cpe_match\":[]}";
            for (int i = 0; i < 20; i++) {
                nested = node.formatted(nested);
            }
            refused("{\"cve\":{\"CVE_data_meta\":{\"ID\":\"CVE-2014-0160\"}},\"configurations\":{\"nodes\":[" + nested + "]}}",
                    "configuration nodes nested more than 16 deep");
        }
    }
}
