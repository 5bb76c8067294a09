package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;
import java.time.LocalDate;

/**
 * When a framework binds: from a date, or a fixed status ({@code in-force} without a date in the
 * catalog, {@code not-in-force} such as CIRCIA before its final rule).
 */
public record InForce(LocalDate from, String status, String source, Confidence confidence, String note) {

    /** Whether the framework binds on {@code day}. */
    public boolean on(LocalDate day) {
        if ("not-in-force".equals(status)) {
            return false;
        }
        return from == null || !day.isBefore(from);
    }

    /** "from 2026-09-11", "in force", "not in force". */
    public String describe() {
        if ("not-in-force".equals(status)) {
            return "not in force";
        }
        return from == null ? "in force" : "from " + from;
    }
}
