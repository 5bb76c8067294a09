package dev.tandem.cli.reporting;

import dev.tandem.catalog.Confidence;
import dev.tandem.reporting.deadline.AppliedRule;
import dev.tandem.reporting.incident.RecordIssue;
import dev.tandem.reporting.obligation.FrameworkAssessment;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.reporting.obligation.ObligationResult;
import dev.tandem.reporting.obligation.RuleCheck;

/** The table and Markdown forms of {@code tandem obligations}. */
final class ObligationsText {

    private ObligationsText() {
    }

    static String table(ObligationResult result) {
        StringBuilder out = new StringBuilder();
        out.append("Reporting obligations for ").append(result.source()).append(" at ").append(result.at()).append("\n\n");
        if (result.obligations().isEmpty()) {
            out.append("No framework in the catalog applies to this record.\n");
        } else {
            TextTable table = new TextTable("STATUS", "DUE (UTC)", "DUE (LOCAL)", "FRAMEWORK", "STAGE", "IN FORCE", "MISSING");
            for (Obligation o : result.obligations()) {
                table.row(o.status().id() + (o.late() ? " (late)" : ""),
                        o.due() == null ? "waits for " + o.waitingFor() : o.due() + (o.provisional() ? " (provisional)" : ""),
                        Times.local(o.due(), o.timeZone()), o.framework(), o.stage(), o.inForce() ? "yes" : "NO",
                        String.valueOf(o.missingFields().size()));
            }
            out.append(table.render());
            out.append('\n');
            for (Obligation o : result.obligations()) {
                out.append(o.framework()).append(' ').append(o.stage()).append(": ").append(o.countedAs());
                if (o.clockStart() != null) {
                    out.append("; clock started ").append(o.clockStart()).append(" (").append(o.clockStartEvent()).append(')');
                }
                out.append('\n');
                if (o.legalLimit() != null) {
                    out.append("  legal limit ").append(o.legalLimit().at()).append(": ");
                    out.append(String.join("; ", o.legalLimit().rules().stream().filter(AppliedRule::applied)
                            .map(ObligationsText::rule).toList())).append('\n');
                }
                out.append("  to ").append(o.recipient()).append(" via ").append(o.channel()).append('\n');
                out.append("  source ").append(o.source()).append(' ').append(o.confidence().tag()).append('\n');
                if (!o.missingFields().isEmpty()) {
                    out.append("  missing: ").append(String.join(", ", o.missingFields())).append('\n');
                }
            }
        }
        out.append('\n');
        appendFrameworks(out, result, false);
        appendIssues(out, result, false);
        return out.toString();
    }

    static String markdown(ObligationResult result) {
        StringBuilder out = new StringBuilder();
        out.append("# Reporting obligations\n\n");
        out.append("Incident record `").append(result.source()).append("`, evaluated at ").append(result.at()).append(".\n\n");
        if (result.obligations().isEmpty()) {
            out.append("No framework in the catalog applies to this record.\n\n");
        } else {
            out.append("| status | due (UTC) | due (local) | legal limit | framework | stage | in force | recipient | missing fields | source |\n");
            out.append("|---|---|---|---|---|---|---|---|---|---|\n");
            for (Obligation o : result.obligations()) {
                out.append("| ").append(o.status().id()).append(o.late() ? " (late)" : "")
                        .append(" | ").append(o.due() == null ? "waits for " + o.waitingFor() : o.due() + (o.provisional() ? " (provisional)" : ""))
                        .append(" | ").append(Times.local(o.due(), o.timeZone()))
                        .append(" | ").append(o.legalLimit() == null ? "" : o.legalLimit().at().toString())
                        .append(" | ").append(o.framework())
                        .append(" | ").append(o.stage())
                        .append(" | ").append(o.inForce() ? "yes" : "**no**")
                        .append(" | ").append(cell(o.recipient()))
                        .append(" | ").append(cell(String.join(", ", o.missingFields())))
                        .append(" | ").append(cell(o.source())).append(' ').append(o.confidence().tag())
                        .append(" |\n");
            }
            out.append("\n## How each deadline was counted\n\n");
            for (Obligation o : result.obligations()) {
                out.append("- **").append(o.framework()).append(" / ").append(o.stage()).append("**: ").append(o.countedAs());
                if (o.legalLimit() != null) {
                    out.append(". Legal limit ").append(o.legalLimit().at()).append(" under ")
                            .append(String.join("; ", o.legalLimit().rules().stream().filter(AppliedRule::applied)
                                    .map(ObligationsText::rule).toList()));
                }
                out.append(".\n");
            }
            out.append('\n');
        }
        appendFrameworks(out, result, true);
        appendIssues(out, result, true);
        return out.toString();
    }

    private static void appendFrameworks(StringBuilder out, ObligationResult result, boolean markdown) {
        out.append(markdown ? "## Frameworks that apply\n\n" : "Frameworks that apply:\n");
        for (FrameworkAssessment a : result.frameworks().stream().filter(FrameworkAssessment::applies).toList()) {
            out.append(markdown ? "- **" : "  ").append(a.framework().id()).append(markdown ? "**" : "")
                    .append(" (").append(a.framework().inForce().describe()).append(", ")
                    .append(a.framework().inForce().source()).append(' ').append(a.framework().inForce().confidence().tag())
                    .append(a.inForce() ? "" : "; NOT IN FORCE on the clock-start date")
                    .append("): ").append(reasons(a, true)).append('\n');
        }
        out.append(markdown ? "\n## Frameworks that do not apply\n\n" : "\nFrameworks that do not apply:\n");
        for (FrameworkAssessment a : result.frameworks().stream().filter(f -> !f.applies()).toList()) {
            out.append(markdown ? "- **" : "  ").append(a.framework().id()).append(markdown ? "**" : "")
                    .append(": not met: ").append(reasons(a, false)).append('\n');
        }
        out.append('\n');
    }

    private static String reasons(FrameworkAssessment a, boolean met) {
        return String.join("; ", a.rules().stream().filter(r -> r.met() == met)
                .map(r -> r.text() + " (" + r.source() + " " + r.confidence().tag() + ")").toList());
    }

    private static void appendIssues(StringBuilder out, ObligationResult result, boolean markdown) {
        if (result.issues().isEmpty()) {
            return;
        }
        out.append(markdown ? "## Problems in the record\n\n" : "Problems in the record:\n");
        for (RecordIssue issue : result.issues()) {
            out.append(markdown ? "- " : "  ").append(issue.severity().label()).append(": ").append(issue.describe()).append('\n');
        }
        out.append('\n');
    }

    /** A provision with its tag and, where the catalog qualifies it, its caveat (holidays not modelled, ...). */
    private static String rule(AppliedRule r) {
        return r.source() + " " + r.confidence().tag() + (r.note() == null || r.note().isBlank() ? "" : " (" + r.note() + ")");
    }

    static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    static String tag(Confidence confidence) {
        return confidence == null ? "" : confidence.tag();
    }
}
