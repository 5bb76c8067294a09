/**
 * Period arithmetic: elapsed hours, calendar days and months in a time zone (month ends clamped),
 * business days over a holiday calendar, and the later outer limits that legal counting rules
 * (Regulation 1182/71, DORA RTS 2025/301 Art 5, Form 8-K B.1) allow.
 */
package dev.tandem.reporting.deadline;
