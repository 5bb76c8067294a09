package dev.tandem.reporting.obligation;

import dev.tandem.reporting.catalog.CatalogLoader;
import dev.tandem.reporting.incident.IncidentReadResult;
import dev.tandem.reporting.incident.IncidentReader;
import dev.tandem.reporting.incident.RecordIssue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** Evaluates small YAML records against the bundled catalog, for tests that quote the law next to the expectation. */
final class Evaluate {

    private static final ObligationEngine ENGINE = new ObligationEngine(CatalogLoader.bundled());
    private static final IncidentReader READER = new IncidentReader(CatalogLoader.bundled());

    private Evaluate() {
    }

    /** The record as YAML: roles, event (YAML flow mapping body), timeline (body), entity zone. */
    static String record(String zone, String roles, String event, String timeline) {
        return """
                entity: {name: Acme, timeZone: %s, euMainEstablishment: DE, roles: [%s]}
                event: {%s}
                timeline: {%s}
                """.formatted(zone, roles, event, timeline);
    }

    static ObligationResult at(String yaml, String at) {
        try {
            IncidentReadResult read = READER.read("incident.yaml", yaml);
            return ENGINE.evaluate(read, OffsetDateTime.parse(at).toInstant(), ObligationEngine.DEFAULT_DUE_SOON);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    static Obligation find(ObligationResult result, String framework, String stage) {
        return maybe(result, framework, stage).orElseThrow(() -> new AssertionError("no obligation " + framework + "/" + stage
                + "; owed: " + result.obligations().stream().map(o -> o.framework() + "/" + o.stage()).toList()));
    }

    static Optional<Obligation> maybe(ObligationResult result, String framework, String stage) {
        return result.obligations().stream().filter(o -> o.framework().equals(framework) && o.stage().equals(stage)).findFirst();
    }

    static boolean applies(ObligationResult result, String framework) {
        return result.frameworks().stream().filter(a -> a.framework().id().equals(framework)).findFirst().orElseThrow().applies();
    }

    static List<String> applying(ObligationResult result) {
        return result.frameworks().stream().filter(FrameworkAssessment::applies).map(a -> a.framework().id()).toList();
    }

    static List<RecordIssue> warningsAt(ObligationResult result, String path) {
        return result.issues().stream().filter(i -> i.path().equals(path)).toList();
    }
}
