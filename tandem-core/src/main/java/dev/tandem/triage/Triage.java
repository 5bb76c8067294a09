package dev.tandem.triage;

import dev.tandem.match.Finding;
import dev.tandem.match.FindingId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies statements to findings. A statement applies when its vulnerability is the finding's id or
 * one of its aliases (any case) and its component selector matches. A finding is suppressed when an
 * applying, unexpired statement suppresses it and none says it is exploitable: when sources disagree,
 * the finding stays visible and the conflict is reported, because hiding a live vulnerability is the
 * worse mistake.
 */
public final class Triage {

    private Triage() {
    }

    /** Applies {@code statements} to {@code findings} as of {@code day} (for ignore-entry expiry). */
    public static TriageResult apply(List<Finding> findings, List<Statement> statements, LocalDate day) {
        if (statements.isEmpty()) {
            return TriageResult.NONE;
        }
        Map<FindingId, List<Statement>> applied = new LinkedHashMap<>();
        Set<Statement> used = new LinkedHashSet<>();
        List<Statement> expired = new ArrayList<>();
        for (Statement statement : statements) {
            if (statement.expiredOn(day)) {
                expired.add(statement);
            }
        }
        for (Finding finding : findings) {
            for (Statement statement : statements) {
                if (names(finding, statement.vulnerability())
                        && statement.component().matches(finding.component(), finding.findingId())) {
                    used.add(statement);
                    List<Statement> about = applied.computeIfAbsent(finding.findingId(), id -> new ArrayList<>());
                    if (!about.contains(statement)) {
                        about.add(statement);
                    }
                }
            }
        }
        Set<FindingId> suppressed = new LinkedHashSet<>();
        List<String> conflicts = new ArrayList<>();
        for (Map.Entry<FindingId, List<Statement>> entry : applied.entrySet()) {
            List<Statement> live = entry.getValue().stream().filter(s -> !s.expiredOn(day)).toList();
            boolean suppressing = live.stream().anyMatch(Statement::suppresses);
            List<Statement> exploitable = live.stream().filter(s -> s.state() == AnalysisState.EXPLOITABLE).toList();
            if (suppressing && !exploitable.isEmpty()) {
                conflicts.add(entry.getKey().value() + ": " + describe(live.stream().filter(Statement::suppresses).findFirst()
                        .orElseThrow()) + " contradicts " + describe(exploitable.get(0)) + "; the finding stays unsuppressed");
            } else if (suppressing) {
                suppressed.add(entry.getKey());
            }
        }
        List<Statement> unmatched = statements.stream().filter(s -> !used.contains(s)).toList();
        return new TriageResult(applied, suppressed, unmatched, expired, conflicts);
    }

    private static boolean names(Finding finding, String vulnerability) {
        String wanted = vulnerability.strip().toUpperCase(Locale.ROOT);
        if (finding.vulnerability().id().toUpperCase(Locale.ROOT).equals(wanted)) {
            return true;
        }
        return finding.vulnerability().aliases().stream().anyMatch(a -> a.toUpperCase(Locale.ROOT).equals(wanted));
    }

    /** "the VEX statement in vex.json (not_affected)", for messages. */
    public static String describe(Statement statement) {
        String what = switch (statement.origin()) {
            case IGNORE -> "the ignore entry";
            case VEX -> "the VEX statement";
            case TRIAGE -> "the triage decision";
        };
        return what + " for " + statement.vulnerability() + " in " + statement.source()
                + (statement.state() == null ? "" : " (" + statement.state().label() + ")");
    }
}
