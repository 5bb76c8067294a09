package dev.tandem.vex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.triage.AnalysisState;
import dev.tandem.triage.ComponentSelector;
import dev.tandem.triage.Justification;
import dev.tandem.triage.Origin;
import dev.tandem.triage.Response;
import dev.tandem.triage.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VexReadersTest {

    static InputDocument fixture(String name) {
        try (InputStream in = VexReadersTest.class.getResourceAsStream("/vex/" + name)) {
            return new InputDocument(name, in.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static VexDocument read(String name, String json) throws InputException {
        return VexReaders.read(InputDocument.of(name, json));
    }

    @Nested
    class OpenVex {
        @Test
        void theSpecificationsExampleIsOneStatementPerProduct() throws InputException {
            VexDocument document = VexReaders.read(fixture("openvex-spec-example.json"));
            assertThat(document.format()).isEqualTo(VexFormat.OPENVEX);
            assertThat(document.statements()).extracting(s -> s.component().text())
                    .containsExactly("pkg:apk/wolfi/git@2.39.0-r1?arch=armv7", "pkg:apk/wolfi/git@2.39.0-r1?arch=x86_64");
            Statement first = document.statements().get(0);
            assertThat(first.origin()).isEqualTo(Origin.VEX);
            assertThat(first.vulnerability()).isEqualTo("CVE-2023-12345");
            assertThat(first.state()).isEqualTo(AnalysisState.RESOLVED);
            assertThat(first.author()).isEqualTo("Wolfi J Inkinson");
            assertThat(first.at()).isEqualTo("2023-01-09T00:02:03.647787998Z");
            assertThat(first.source()).startsWith("openvex-spec-example.json:");
        }

        @Test
        void justificationsMapOntoCycloneDxAndKeepTheirLabel() throws InputException {
            VexDocument document = read("o.json", """
                    {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "PSIRT", "timestamp": "2026-01-01T00:00:00Z",
                     "version": 1, "statements": [
                      {"vulnerability": {"name": "CVE-2024-1"}, "products": [{"@id": "pkg:oci/app",
                        "subcomponents": [{"@id": "pkg:npm/lodash@4.17.20"}, {"identifiers": {"cpe23": "cpe:2.3:a:x:y:1:*:*:*:*:*:*:*"}}]}],
                       "status": "not_affected", "justification": "vulnerable_code_cannot_be_controlled_by_adversary",
                       "impact_statement": "input is never attacker controlled"}]}
                    """);
            assertThat(document.statements()).extracting(s -> s.component().text())
                    .containsExactly("pkg:npm/lodash@4.17.20", "cpe:2.3:a:x:y:1:*:*:*:*:*:*:*");
            Statement statement = document.statements().get(0);
            assertThat(statement.justification()).isEqualTo(Justification.REQUIRES_ENVIRONMENT);
            assertThat(statement.detail()).contains("vulnerable_code_cannot_be_controlled_by_adversary");
            assertThat(statement.reason()).isEqualTo("input is never attacker controlled");
            assertThat(statement.suppresses()).isTrue();
        }

        @Test
        void aLaterStatementAboutTheSameProductReplacesAnEarlierOne() throws InputException {
            VexDocument document = read("o.json", """
                    {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "a", "timestamp": "2026-01-01T00:00:00Z", "version": 2,
                     "statements": [
                      {"vulnerability": {"name": "CVE-2024-1"}, "products": ["pkg:npm/a@1"], "status": "fixed", "timestamp": "2026-02-01T00:00:00Z"},
                      {"vulnerability": {"name": "CVE-2024-1"}, "products": ["pkg:npm/a@1"], "status": "affected", "timestamp": "2026-01-15T00:00:00Z",
                       "action_statement": "update"},
                      {"vulnerability": "CVE-2024-2", "products": ["pkg:npm/a@1"], "status": "under_investigation"}]}
                    """);
            assertThat(document.statements()).extracting(Statement::vulnerability, Statement::state)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("CVE-2024-1", AnalysisState.RESOLVED),
                            org.assertj.core.groups.Tuple.tuple("CVE-2024-2", AnalysisState.IN_TRIAGE));
        }

        @Test
        void insideAnInTotoStatementAndADsseEnvelope() throws InputException {
            String openvex = """
                    {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "a", "timestamp": "2026-01-01T00:00:00Z", "version": 1,
                     "statements": [{"vulnerability": {"name": "CVE-2024-1"}, "products": ["pkg:npm/a@1"], "status": "fixed"}]}""";
            String intoto = "{\"_type\": \"https://in-toto.io/Statement/v0.1\", \"predicateType\": \"https://openvex.dev/ns\","
                    + " \"subject\": [], \"predicate\": " + openvex + "}";
            assertThat(read("att.json", intoto).statements()).hasSize(1);
            String dsse = "{\"payloadType\": \"application/vnd.in-toto+json\", \"payload\": \""
                    + Base64.getEncoder().encodeToString(intoto.getBytes(StandardCharsets.UTF_8)) + "\", \"signatures\": []}";
            VexDocument document = read("att.dsse.json", dsse);
            assertThat(document.statements()).singleElement().extracting(Statement::state).isEqualTo(AnalysisState.RESOLVED);
        }

        @Test
        void aProductWithoutPurlOrCpeAppliesToEveryComponentAndSaysSo() throws InputException {
            VexDocument document = read("o.json", """
                    {"@context": "https://openvex.dev/ns/v0.2.0", "@id": "x", "author": "a", "timestamp": "2026-01-01T00:00:00Z", "version": 1,
                     "statements": [{"vulnerability": {"name": "CVE-2024-1"}, "products": [{"@id": "https://example.com/product"}],
                       "status": "not_affected", "justification": "component_not_present"}]}""");
            assertThat(document.statements()).singleElement().extracting(Statement::component)
                    .isInstanceOf(ComponentSelector.AnyComponent.class);
            assertThat(document.warnings()).singleElement().asString().contains("https://example.com/product");
        }
    }

    @Nested
    class CycloneDx {
        @Test
        void cisaCaseOneIsAStatementAboutTheProductAsAWhole() throws InputException {
            VexDocument document = VexReaders.read(fixture("cdx-cisa-case-1-not-affected.json"));
            assertThat(document.format()).isEqualTo(VexFormat.CYCLONEDX);
            Statement statement = document.statements().get(0);
            assertThat(statement.vulnerability()).isEqualTo("CVE-2021-44228");
            assertThat(statement.state()).isEqualTo(AnalysisState.NOT_AFFECTED);
            assertThat(statement.justification()).isEqualTo(Justification.CODE_NOT_PRESENT);
            assertThat(statement.responses()).containsExactly(Response.WILL_NOT_FIX);
            assertThat(statement.detail()).contains("Class with vulnerable code was removed");
            assertThat(statement.component()).isInstanceOf(ComponentSelector.AnyComponent.class);
            assertThat(document.warnings()).singleElement().asString().contains("ABC 4.2");
        }

        @Test
        void cisaCaseSevenWithBomLinksAndRangesIsReadWithWarnings() throws InputException {
            VexDocument document = VexReaders.read(fixture("cdx-cisa-case-7.json"));
            assertThat(document.statements()).isNotEmpty();
            assertThat(document.statements()).extracting(Statement::state).contains(AnalysisState.EXPLOITABLE, AnalysisState.NOT_AFFECTED);
            assertThat(document.warnings()).isNotEmpty();
        }

        @Test
        void refsResolveToComponentPurlsBomLinksAndExplicitVersions() throws InputException {
            VexDocument document = read("c.json", """
                    {"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
                     "metadata": {"timestamp": "2026-03-01T00:00:00Z", "manufacturer": {"name": "Example Camera Co."}},
                     "components": [{"type": "library", "bom-ref": "webp", "name": "libwebp-sys", "purl": "pkg:cargo/libwebp-sys@0.9.2"},
                                    {"type": "library", "bom-ref": "lodash", "name": "lodash", "purl": "pkg:npm/lodash"}],
                     "vulnerabilities": [
                      {"id": "CVE-2023-4863", "analysis": {"state": "exploitable", "response": ["update"], "detail": "decodes uploads"},
                       "affects": [{"ref": "urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#webp"}]},
                      {"id": "CVE-2021-23337", "analysis": {"state": "not_affected", "justification": "code_not_reachable"},
                       "affects": [{"ref": "lodash", "versions": [{"version": "4.17.20", "status": "unaffected"}, {"version": "4.17.19"}]},
                                   {"ref": "pkg:npm/underscore@1.13.0"}]}]}
                    """);
            assertThat(document.statements()).extracting(s -> s.component().text()).containsExactly(
                    "pkg:cargo/libwebp-sys@0.9.2", "pkg:npm/lodash@4.17.20", "pkg:npm/lodash@4.17.19", "pkg:npm/underscore@1.13.0");
            assertThat(document.statements().get(0).author()).isEqualTo("Example Camera Co.");
            assertThat(document.statements().get(0).responses()).containsExactly(Response.UPDATE);
            assertThat(document.statements().get(0).source()).isEqualTo("c.json:6");
            assertThat(document.warnings()).isEmpty();
        }

        @Test
        void aVulnerabilityReportWithoutAnalysisStatesNothingAndSaysSo() throws InputException {
            VexDocument document = read("vdr.json", """
                    {"bomFormat": "CycloneDX", "specVersion": "1.6", "vulnerabilities": [{"id": "CVE-1", "affects": [{"ref": "pkg:npm/a@1"}]}]}""");
            assertThat(document.statements()).isEmpty();
            assertThat(document.warnings()).singleElement().asString().contains("no analysis state");
        }
    }

    @Nested
    class Csaf {
        @Test
        void theOasisExampleNamesAProductWithoutIdentifiers() throws InputException {
            VexDocument document = VexReaders.read(fixture("csaf-2022-evd-uc-01-na-001.json"));
            assertThat(document.format()).isEqualTo(VexFormat.CSAF);
            Statement statement = document.statements().get(0);
            assertThat(statement.state()).isEqualTo(AnalysisState.NOT_AFFECTED);
            assertThat(statement.reason()).isEqualTo("Class with vulnerable code was removed before shipping.");
            assertThat(statement.author()).isEqualTo("Example Company ProductCERT");
            assertThat(statement.component()).isInstanceOf(ComponentSelector.AnyComponent.class);
            assertThat(document.warnings()).singleElement().asString().contains("Example Company ABC 4.2");
        }

        @Test
        void relationshipsResolveToTheComponentFlagsGiveJustificationsRemediationsResponses() throws InputException {
            VexDocument document = read("csaf.json", CSAF);
            assertThat(document.statements()).extracting(s -> s.component().text(), Statement::state).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("pkg:cargo/rustls@0.21.7", AnalysisState.NOT_AFFECTED),
                    org.assertj.core.groups.Tuple.tuple("pkg:cargo/libwebp-sys@0.9.2", AnalysisState.EXPLOITABLE));
            assertThat(document.statements().get(0).justification()).isEqualTo(Justification.CODE_NOT_REACHABLE);
            assertThat(document.statements().get(1).responses()).containsExactly(Response.UPDATE);
            assertThat(document.statements().get(1).reason()).isEqualTo("Update to firmware 2.4.2.");
        }

        @Test
        void aProductIdOutsideTheTreeIsRefusedWithItsPosition() {
            assertThatThrownBy(() -> read("bad.json", CSAF.replace("\"known_affected\": [\"CSAFPID-0003\"]", "\"known_affected\": [\"CSAFPID-9\"]")))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("bad.json: line").hasMessageContaining("/product_status/known_affected/0")
                    .hasMessageContaining("CSAFPID-9");
        }
    }

    static final String CSAF = """
            {"document": {"category": "csaf_vex", "csaf_version": "2.0", "title": "t",
              "publisher": {"category": "vendor", "name": "Example Camera Co.", "namespace": "https://camera.example"},
              "tracking": {"id": "X", "status": "final", "version": "1", "initial_release_date": "2026-01-01T00:00:00Z",
                "current_release_date": "2026-01-02T00:00:00Z", "revision_history": [{"date": "2026-01-01T00:00:00Z", "number": "1", "summary": "s"}]}},
             "product_tree": {
              "branches": [{"category": "vendor", "name": "Example Camera Co.", "branches": [{"category": "product_name", "name": "SC-200",
                "branches": [{"category": "product_version", "name": "2.4.1", "product": {"name": "SC-200 2.4.1", "product_id": "CSAFPID-0001"}}]}]}],
              "full_product_names": [
                {"name": "rustls 0.21.7", "product_id": "CSAFPID-0002", "product_identification_helper": {"purl": "pkg:cargo/rustls@0.21.7"}},
                {"name": "libwebp-sys 0.9.2", "product_id": "CSAFPID-0004", "product_identification_helper": {"purl": "pkg:cargo/libwebp-sys@0.9.2"}}],
              "relationships": [
                {"category": "default_component_of", "product_reference": "CSAFPID-0002", "relates_to_product_reference": "CSAFPID-0001",
                 "full_product_name": {"name": "rustls in SC-200 2.4.1", "product_id": "CSAFPID-0001:0002"}},
                {"category": "default_component_of", "product_reference": "CSAFPID-0004", "relates_to_product_reference": "CSAFPID-0001",
                 "full_product_name": {"name": "libwebp-sys in SC-200 2.4.1", "product_id": "CSAFPID-0003"}}]},
             "vulnerabilities": [
              {"cve": "CVE-2024-32650", "product_status": {"known_not_affected": ["CSAFPID-0001:0002"]},
               "flags": [{"label": "vulnerable_code_not_in_execute_path", "product_ids": ["CSAFPID-0001:0002"]}]},
              {"cve": "CVE-2023-4863", "product_status": {"known_affected": ["CSAFPID-0003"]},
               "remediations": [{"category": "vendor_fix", "details": "Update to firmware 2.4.2.", "product_ids": ["CSAFPID-0003"]}]}]}
            """;

    /** Every published example of the two specifications is read without error, and yields statements. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("publishedExamples")
    void everyPublishedExampleIsRead(java.nio.file.Path file) throws Exception {
        VexDocument document = VexReaders.read(InputDocument.read(file));
        assertThat(document.statements()).as(file.toString()).isNotEmpty();
    }

    static java.util.stream.Stream<java.nio.file.Path> publishedExamples() throws IOException {
        java.util.List<java.nio.file.Path> files = new java.util.ArrayList<>();
        for (String folder : java.util.List.of("oasis-csaf-vex", "cisa-cdx")) {
            try (java.util.stream.Stream<java.nio.file.Path> listed = java.nio.file.Files.list(
                    java.nio.file.Path.of("src/test/resources/vex", folder))) {
                listed.sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSize(24);
        return files.stream();
    }

    @Nested
    class BadInput {
        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>", "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">",
                "<?xml version=\"1.0\"?><!DOCTYPE bom [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">&x;</bom>",
                "[]", "{\"hello\": 1}", "{\"bomFormat\": "})
        void isRefusedWithTheFileNamed(String text) {
            assertThatThrownBy(() -> read("hostile.json", text)).isInstanceOf(InputException.class)
                    .hasMessageStartingWith("hostile.json: ");
        }

        @Test
        void contentAfterTheDocumentIsRefusedInJsonTerms() {
            assertThatThrownBy(() -> read("t.json", "{\"payloadType\": \"e30=!!\", \"signatures\": []}\"1.11.0\"\n }"))
                    .isInstanceOf(InputException.class).hasMessageStartingWith("t.json: line 1")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContainPattern("\\b(java|javax|com|org|sun)\\.[a-z]+\\."));
        }

        @Test
        void notAVexDocumentSaysWhatWasExpected() {
            assertThatThrownBy(() -> read("x.json", "{\"spdxVersion\": \"SPDX-2.3\"}")).hasMessageContaining("not a VEX document")
                    .hasMessageContaining("OpenVEX");
        }

        @Test
        void duplicateKeysAreRefused() {
            assertThatThrownBy(() -> read("dup.json", """
                    {"@context": "https://openvex.dev/ns/v0.2.0", "statements": [{"vulnerability": "CVE-1", "products": ["pkg:npm/a"],
                      "status": "affected", "status": "not_affected"}]}"""))
                    .isInstanceOf(InputException.class).hasMessageContaining("dup.json: line 2").hasMessageContaining("status");
        }

        @Test
        void deepNestingIsRefusedNotACrash() {
            String deep = "{\"bomFormat\": \"CycloneDX\", \"x\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}";
            assertThatThrownBy(() -> read("deep.json", deep)).isInstanceOf(InputException.class).hasMessageContaining("deep.json");
        }

        @Test
        void unknownValuesNameTheirPosition() {
            assertThatThrownBy(() -> read("s.json", """
                    {"@context": "https://openvex.dev/ns/v0.2.0", "statements": [
                      {"vulnerability": "CVE-1", "products": ["pkg:npm/a"], "status": "maybe"}]}"""))
                    .hasMessageContaining("s.json: line 2").hasMessageContaining("/statements/0/status").hasMessageContaining("maybe");
            assertThatThrownBy(() -> read("c.json", """
                    {"bomFormat": "CycloneDX", "vulnerabilities": [{"id": "CVE-1",
                      "analysis": {"state": "not_affected", "justification": "because"}, "affects": [{"ref": "pkg:npm/a"}]}]}"""))
                    .hasMessageContaining("/vulnerabilities/0/analysis/justification").hasMessageContaining("because");
            assertThatThrownBy(() -> read("p.json", """
                    {"@context": "https://openvex.dev/ns/v0.2.0", "statements": [
                      {"vulnerability": "CVE-1", "products": ["pkg:"], "status": "fixed"}]}"""))
                    .isInstanceOf(InputException.class).hasMessageContaining("/statements/0/products/0");
        }

        /** The three JSON readers open their entries the same way: a non-object names its position, an empty list is said. */
        @ParameterizedTest
        @ValueSource(strings = {
            "{\"document\": {\"csaf_version\": \"2.0\", \"publisher\": {\"name\": \"A\"}, \"tracking\": {}},\n \"vulnerabilities\": [%s]}|/vulnerabilities/0",
            "{\"bomFormat\": \"CycloneDX\",\n \"vulnerabilities\": [%s]}|/vulnerabilities/0",
            "{\"@context\": \"https://openvex.dev/ns/v0.2.0\",\n \"statements\": [%s]}|/statements/0"})
        void everyFormatsEntriesAreObjectsAndAnEmptyListIsSaid(String spec) throws InputException {
            String template = spec.substring(0, spec.indexOf('|'));
            String pointer = spec.substring(spec.indexOf('|') + 1);
            assertThatThrownBy(() -> read("e.json", template.formatted("\"CVE-1\"")))
                    .isInstanceOf(InputException.class).hasMessageStartingWith("e.json: line 2")
                    .hasMessageContaining(pointer).hasMessageContaining("expected an object, found");
            VexDocument empty = read("e.json", template.formatted(""));
            assertThat(empty.statements()).isEmpty();
            assertThat(empty.warnings()).singleElement().asString().startsWith("e.json: the ").contains(" document has no ");
        }

        @Test
        void wrongTypesAreRefused() {
            assertThatThrownBy(() -> read("t.json", """
                    {"bomFormat": "CycloneDX", "vulnerabilities": {"id": "CVE-1"}}"""))
                    .isInstanceOf(InputException.class).hasMessageContaining("expected an array, found an object");
        }
    }

    @Nested
    class CycloneDxXml {
        @Test
        void statesExactlyWhatTheJsonFormStates() throws Exception {
            VexDocument json = VexReaders.read(fixture("cdx-cisa-case-7.json"));
            VexDocument xml = VexReaders.read(fixture("cdx-cisa-case-7.xml"));
            assertThat(xml.format()).isEqualTo(VexFormat.CYCLONEDX);
            assertThat(xml.statements()).hasSize(json.statements().size()).isNotEmpty();
            for (int i = 0; i < json.statements().size(); i++) {
                dev.tandem.triage.Statement a = json.statements().get(i);
                dev.tandem.triage.Statement b = xml.statements().get(i);
                assertThat(b).usingRecursiveComparison().ignoringFields("source").isEqualTo(a);
            }
            // Sources and warnings name the XML document's own lines.
            assertThat(xml.statements().get(0).source()).isEqualTo("cdx-cisa-case-7.xml:5");
            assertThat(xml.warnings()).isNotEmpty().allSatisfy(w -> assertThat(w).startsWith("cdx-cisa-case-7.xml:"));
            assertThat(xml.warnings().get(0)).startsWith("cdx-cisa-case-7.xml:5:");
        }

        @Test
        void aBadValueIsRefusedAtItsXmlLine() {
            assertThatThrownBy(() -> read("bad.xml", """
                    <bom xmlns="http://cyclonedx.org/schema/bom/1.6">
                      <vulnerabilities>
                        <vulnerability>
                          <id>CVE-2021-44228</id>
                          <analysis>
                            <state>maybe</state>
                          </analysis>
                        </vulnerability>
                      </vulnerabilities>
                    </bom>
                    """)).isInstanceOf(InputException.class).hasMessageStartingWith("bad.xml: line 6")
                    .hasMessageContaining("maybe");
        }

        @Test
        void hostileXmlIsRefused() {
            String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
                    + "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">&lol2;</bom>";
            assertThatThrownBy(() -> read("laughs.xml", laughs)).isInstanceOf(InputException.class)
                    .hasMessageContaining("DOCTYPE");
            String deep = "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">" + "<a>".repeat(500) + "</a>".repeat(500) + "</bom>";
            assertThatThrownBy(() -> read("deep.xml", deep)).isInstanceOf(InputException.class).hasMessageContaining("nested");
            assertThatThrownBy(() -> read("cut.xml", "<bom xmlns=\"http://cyclonedx.org/schema/bom/1.6\">\n<vulnerabilities>\n<vuln"))
                    .isInstanceOf(InputException.class).hasMessageStartingWith("cut.xml: line").hasMessageContaining("malformed XML");
            assertThatThrownBy(() -> read("spdx.xml", "<Document xmlns=\"http://spdx.org\"/>"))
                    .isInstanceOf(InputException.class).hasMessageContaining("CycloneDX");
        }
    }
}
