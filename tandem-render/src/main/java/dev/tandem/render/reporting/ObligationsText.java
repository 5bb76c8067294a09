package dev.tandem.render.reporting;

import dev.tandem.reporting.catalog.RoleStanding;
import dev.tandem.reporting.deadline.AppliedRule;
import dev.tandem.reporting.incident.RecordIssue;
import dev.tandem.reporting.obligation.FrameworkAssessment;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.reporting.obligation.Status;
import dev.tandem.usecase.reporting.ObligationsResult;
import java.util.ArrayList;
import java.util.List;

/** The parts the table and Markdown forms of the obligations share: the frameworks that apply or not, and the record's problems. */
final class ObligationsText {

    private ObligationsText() {
    }

    static void frameworks(StringBuilder out, ObligationsResult result, boolean markdown) {
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

    static void issues(StringBuilder out, ObligationsResult result, boolean markdown) {
        if (result.issues().isEmpty()) {
            return;
        }
        out.append(markdown ? "## Problems in the record\n\n" : "Problems in the record:\n");
        for (RecordIssue issue : result.issues()) {
            out.append(markdown ? "- " : "  ").append(issue.severity().label()).append(": ").append(issue.describe()).append('\n');
        }
        out.append('\n');
    }

    /**
     * "waits for timeline.x", "no fixed period" for a duty owed without undue delay, or the due
     * instant, "(provisional)" when it stands in for an unrecorded submission.
     */
    static String due(Obligation o) {
        if (o.due() == null) {
            return o.status() == Status.ASAP || (o.waitingFor() == null && o.clockStart() != null) ? "no fixed period"
                    : "waits for " + o.waitingFor();
        }
        return o.due() + (o.provisional() ? " (provisional)" : "");
    }

    /** The roles the rules were tested against: "Roles: a (declared); b (implied by a: source [S])". */
    static void roles(StringBuilder out, ObligationsResult result, boolean markdown) {
        if (result.roles().isEmpty()) {
            return;
        }
        List<String> parts = new ArrayList<>();
        for (RoleStanding role : result.roles()) {
            List<String> how = new ArrayList<>();
            if (role.declared()) {
                how.add("declared");
            }
            if (!role.impliedBy().isEmpty()) {
                how.add((role.declared() ? "also " : "") + "implied by " + String.join(", ", role.impliedBy().stream()
                        .map(r -> r.id() + " (" + r.source() + " " + r.confidence().tag() + ")").toList()));
            }
            parts.add((markdown ? "`" + role.id() + "`" : role.id()) + " (" + String.join("; ", how) + ")");
        }
        out.append(markdown ? "**Roles:** " : "Roles: ").append(String.join("; ", parts)).append("\n\n");
    }

    /** The provisions behind a legal limit, each with its tag and, where the catalog qualifies it, its caveat. */
    static String legalLimitRules(Obligation o) {
        return String.join("; ", o.legalLimit().rules().stream().filter(AppliedRule::applied).map(ObligationsText::rule).toList());
    }

    private static String rule(AppliedRule r) {
        return r.source() + " " + r.confidence().tag() + (r.note() == null || r.note().isBlank() ? "" : " (" + r.note() + ")");
    }
}
