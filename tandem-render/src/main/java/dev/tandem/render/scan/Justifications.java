package dev.tandem.render.scan;

import dev.tandem.triage.Statement;

/** One line saying why a finding is suppressed: who said what, where, and until when. */
final class Justifications {

    private Justifications() {
    }

    /** {@code not_affected (code_not_reachable) by PSIRT, vex.json: the parser is never built} */
    static String text(Statement statement) {
        StringBuilder text = new StringBuilder();
        text.append(statement.state() == null ? "ignored" : statement.state().label());
        if (statement.justification() != null) {
            text.append(" (").append(statement.justification().label()).append(')');
        }
        if (!statement.author().isEmpty()) {
            text.append(" by ").append(statement.author());
        }
        text.append(", ").append(statement.source());
        String why = !statement.reason().isEmpty() ? statement.reason() : statement.detail();
        if (!why.isEmpty()) {
            text.append(": ").append(why);
        }
        if (statement.expires() != null) {
            text.append(" (until ").append(statement.expires()).append(')');
        }
        return text.toString();
    }
}
