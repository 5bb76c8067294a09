package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class KevReaderTest {

    @Test
    void readsTheCisaCatalogue() throws Exception {
        List<KevEntry> entries = KevReader.read(Fixtures.path("kev/cisa-kev-cut.json"));
        assertThat(entries).extracting(KevEntry::cveId).containsExactly("CVE-2025-48384", "CVE-2024-8068",
                "CVE-2024-8069", "CVE-2025-24016", "CVE-2023-4863", "CVE-2021-44228", "CVE-2020-0601");
        assertThat(entries).extracting(KevEntry::catalog).containsOnly(KevCatalog.CISA);
        KevEntry log4j = entries.get(5);
        assertThat(log4j).isEqualTo(new KevEntry("CVE-2021-44228", KevCatalog.CISA, LocalDate.of(2021, 12, 10),
                LocalDate.of(2021, 12, 24), true, "Apache", "Log4j2", "Apache Log4j2 Remote Code Execution Vulnerability",
                Fixtures.path("kev/cisa-kev-cut.json").toString()));
        assertThat(entries.get(0).knownRansomwareUse()).isFalse();
        assertThat(entries.get(6).dueDate()).isEqualTo(LocalDate.of(2020, 1, 29));
    }

    @Test
    void readsTheEuCatalogueWithSlashDatesAndArrays() throws Exception {
        List<KevEntry> entries = KevReader.read(Fixtures.path("kev/eu-kev-cut.json"));
        assertThat(entries).extracting(KevEntry::cveId).containsExactly("CVE-2026-41679", "CVE-2026-73570",
                "CVE-2026-12569", "CVE-2017-10271", "CVE-2022-26134");
        assertThat(entries).extracting(KevEntry::catalog).containsOnly(KevCatalog.EU);
        assertThat(entries).extracting(KevEntry::knownRansomwareUse).containsExactly(false, false, true, true, false);
        KevEntry ptc = entries.get(2);
        assertThat(ptc.dateAdded()).isEqualTo(LocalDate.of(2026, 8, 16));
        assertThat(ptc.dueDate()).isNull();
        assertThat(ptc.vendor()).isEqualTo("PTC");
        assertThat(ptc.product()).isEqualTo("Windchill PDMLink, FlexPLM");
        // EU KEV has no vulnerabilityName: the short description names the entry.
        assertThat(ptc.name()).isEqualTo("Critical RCE vulnerability caused by insecure deserialization of untrusted data.");
    }

    @Test
    void readsTheOlderEuShapeWithStringsAndIsoDates() throws Exception {
        // Hand-written in the shape of the older EU KEV file (exploitationType and cwes as strings).
        List<KevEntry> entries = read("[{\"cveID\":\"cve-2021-44228\",\"vendorProject\":\"Apache\",\"product\":\"Log4j\","
                + "\"dateReported\":\"2024-05-01\",\"exploitationType\":\"APT, ransomware\",\"cwes\":\"CWE-502\"},"
                + "{\"cveID\":\" CVE-2023-4863 \",\"dateReported\":\"2024/05/02\",\"exploitationType\":\"unknown\"}]");
        assertThat(entries).extracting(KevEntry::cveId).containsExactly("CVE-2021-44228", "CVE-2023-4863");
        assertThat(entries.get(0).knownRansomwareUse()).isTrue();
        assertThat(entries.get(0).dateAdded()).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(entries.get(1).knownRansomwareUse()).isFalse();
        assertThat(entries.get(1).dateAdded()).isEqualTo(LocalDate.of(2024, 5, 2));
    }

    @Test
    void aBadDateNamesLineAndPointer() {
        assertError("{\"catalogVersion\":\"1\",\"vulnerabilities\":[\n{\"cveID\":\"CVE-2024-1234\",\"dateAdded\":\"2024-02-30\"}]}",
                "dateAdded must be a date as YYYY-MM-DD or YYYY/MM/DD, found \"2024-02-30\"", 2, "/vulnerabilities/0/dateAdded");
        assertError("[{\"cveID\":\"CVE-2024-1234\",\"dateReported\":\"01.05.2024\"}]",
                "dateReported must be a date as YYYY-MM-DD or YYYY/MM/DD, found \"01.05.2024\"", 1, "/0/dateReported");
    }

    @Test
    void entriesWithoutAValidCveIdAreRejected() {
        assertError("{\"vulnerabilities\":[{\"cveID\":\"CVE-2024-1234\",\"dateAdded\":\"2024-01-01\"},\n"
                        + "  {\"vendorProject\":\"x\",\"dateAdded\":\"2024-01-01\"}]}",
                "the CISA KEV entry has no cveID", 2, "/vulnerabilities/1");
        assertError("{\"vulnerabilities\":[{\"cveID\":\"GHSA-xxxx\",\"dateAdded\":\"2024-01-01\"}]}",
                "cveID must be a CVE id such as CVE-2023-4863, found \"GHSA-xxxx\"", 1, "/vulnerabilities/0/cveID");
        assertError("[{\"cveID\":7}]", "cveID must be a string, found a number", 1, "/0/cveID");
        assertError("[{\"cveID\":\"CVE-2024-12345\"}]", "the EU KEV entry CVE-2024-12345 has no dateReported", 1, "/0");
    }

    @Test
    void documentsThatAreNoCatalogueAreRejected() {
        assertError("{\"title\":\"x\"}", "not a KEV catalogue: the object has no \"vulnerabilities\" array (CISA KEV)", 1, "/");
        assertError("\"CVE-2024-1\"", "not a KEV catalogue: expected CISA's object with vulnerabilities[] or the EU KEV array, "
                + "found a string", 1, "/");
        assertError("{\"vulnerabilities\":{}}", "vulnerabilities must be an array, found an object", 1, "/vulnerabilities");
        assertThatThrownBy(() -> read("{\"vulnerabilities\":[{\"cveID\":\"CVE-2024-1234\",")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("kev.json: line 1");
        assertThatThrownBy(() -> read("[{\"cveID\":\"CVE-2024-1234\",\"x\":" + "[".repeat(400) + "]".repeat(400) + "}]")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("kev.json: line 1")
                .hasMessageContaining("nesting depth");
    }

    private static void assertError(String json, String problem, int line, String pointer) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(InputException.class)
                .satisfies(thrown -> {
                    InputException e = (InputException) thrown;
                    assertThat(e.source()).isEqualTo("kev.json");
                    assertThat(e.problem()).isEqualTo(problem);
                    assertThat(e.position().line()).isEqualTo(line);
                    assertThat(e.position().pointer()).isEqualTo(pointer);
                });
    }

    private static List<KevEntry> read(String json) throws InputException {
        return KevReader.read("kev.json", json.getBytes(StandardCharsets.UTF_8));
    }
}
