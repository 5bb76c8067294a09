package dev.tandem.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored finding item as pages show it: read from the same JSON item the API returns (the scan's
 * finding fields), so the pages and the API never disagree.
 */
public record FindingRow(String id, String vulnerabilityId, List<String> aliases, String purl, String component,
        String version, String ecosystem, String severity, String score, String cvss, boolean knownExploited,
        List<String> exploitation, boolean suppressed, List<String> fixedIn, String summary, String matchedBy,
        List<String> advisories, String sbom, String dependency, String path, String note, String release,
        String triageState, List<Analysis> analysis) {

    /** A statement applied to the finding by the scan (origin triage, VEX or ignore). */
    public record Analysis(String origin, String source, String state, String justification, String detail,
            String author, String timestamp, boolean suppresses) {
    }

    static FindingRow of(JsonNode item) {
        List<String> exploitation = new ArrayList<>();
        for (JsonNode kev : item.path("exploitation")) {
            exploitation.add((kev.path("catalog").asText().equals("eu") ? "EU KEV" : "CISA KEV") + ", added "
                    + text(kev, "dateAdded") + (kev.path("dueDate").isTextual() ? ", due " + kev.path("dueDate").asText() : "")
                    + (kev.path("knownRansomwareUse").asBoolean() ? ", known ransomware use" : ""));
        }
        List<Analysis> analysis = new ArrayList<>();
        for (JsonNode statement : item.path("analysis")) {
            analysis.add(new Analysis(text(statement, "origin"), text(statement, "source"), text(statement, "state"),
                    text(statement, "justification"), text(statement, "detail"), text(statement, "author"),
                    text(statement, "timestamp"), statement.path("suppresses").asBoolean()));
        }
        JsonNode component = item.path("component");
        JsonNode triage = item.path("triage");
        return new FindingRow(text(item, "id"), text(item, "vulnerabilityId"), texts(item.path("aliases")), text(item, "purl"),
                component.path("group").asText().isEmpty() ? text(component, "name")
                        : component.path("group").asText() + "/" + component.path("name").asText(),
                text(component, "version"), text(item, "ecosystem"), text(item, "severity"),
                item.path("score").isNumber() ? item.path("score").asText() : "", item.path("cvss").path("vector").asText(""),
                item.path("knownExploited").asBoolean(), exploitation, item.path("suppressed").asBoolean(),
                texts(item.path("fixedIn")), text(item, "summary"), text(item, "matchRule"), texts(item.path("advisories")),
                text(item, "sbom"), text(component, "dependency"), String.join(" › ", texts(component.path("path"))),
                text(item, "note"), text(item, "release"), triage.isObject() ? triage.path("state").asText() : "", analysis);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    /**
     * What a VEX statement says about the finding, for its row: the statement that suppresses it (else the
     * first VEX statement), as "VEX: not affected (code not reachable), by AUTHOR"; empty when none applies.
     */
    public String vexStatement() {
        Analysis shown = analysis.stream().filter(a -> a.origin().equals("vex") && a.suppresses() && suppressed).findFirst()
                .orElse(analysis.stream().filter(a -> a.origin().equals("vex")).findFirst().orElse(null));
        if (shown == null) {
            return "";
        }
        return "VEX: " + words(shown.state()) + (shown.justification().isEmpty() ? "" : " (" + words(shown.justification())
                + ")") + (shown.author().isEmpty() ? "" : ", by " + shown.author());
    }

    /** Where the statement {@link #vexStatement()} shows was read (document and line). */
    public String vexSource() {
        return analysis.stream().filter(a -> a.origin().equals("vex") && a.suppresses() && suppressed).findFirst()
                .or(() -> analysis.stream().filter(a -> a.origin().equals("vex")).findFirst()).map(Analysis::source)
                .orElse("");
    }

    /** "not affected", for people. */
    public static String words(String label) {
        return label == null ? "" : label.replace('_', ' ');
    }
}
