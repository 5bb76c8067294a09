package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;
import java.util.Map;

/** The civil time zone Tandem counts EU calendar periods in, per Member State (a documented choice, not law). */
public record MemberStateZones(String source, Confidence confidence, Map<String, String> zones) {

    public MemberStateZones {
        zones = zones == null ? Map.of() : Map.copyOf(zones);
    }
}
