package dev.tandem.reporting.obligation;

import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.incident.Entity;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The time zone a framework's calendar periods are counted in for this entity, and why. */
record GoverningZone(ZoneId zone, String reason) {

    static GoverningZone of(Framework framework, Entity entity, ReportingCatalog catalog) {
        String spec = framework.timeZone();
        if (Framework.EU_MEMBER_STATE_ZONE.equals(spec)) {
            String state = entity.euMainEstablishment();
            String zone = state == null ? null : catalog.memberStateZones().zones().get(state);
            if (zone != null) {
                return new GoverningZone(ZoneId.of(zone), "Member State of the main establishment (" + state
                        + "); the zone of its capital, a Tandem choice " + catalog.memberStateZones().confidence().tag());
            }
            return entityZone(entity, "no EU main establishment in the record");
        }
        if (Framework.ENTITY_ZONE.equals(spec)) {
            return entityZone(entity, null);
        }
        return new GoverningZone(ZoneId.of(spec), "the regime's zone");
    }

    private static GoverningZone entityZone(Entity entity, String why) {
        String prefix = why == null ? "" : why + ": ";
        if (entity.timeZone() != null) {
            return new GoverningZone(entity.timeZone(), prefix + "entity.timeZone");
        }
        return new GoverningZone(ZoneOffset.UTC, prefix + "no entity.timeZone in the record: UTC");
    }
}
