package dev.tandem.render.reporting;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How instants are shown: UTC for machines, local time with the zone's abbreviation for people. */
final class Times {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm z", Locale.US);

    private Times() {
    }

    static String utc(Instant at) {
        return at == null ? null : at.toString();
    }

    /** "Sat 2026-11-21 23:30 CET"; empty when there is no instant. */
    static String local(Instant at, String zone) {
        return at == null ? "" : LOCAL.format(at.atZone(ZoneId.of(zone)));
    }
}
