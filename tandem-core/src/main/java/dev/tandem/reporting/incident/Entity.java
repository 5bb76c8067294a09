package dev.tandem.reporting.incident;

import java.time.ZoneId;
import java.util.List;

/** Who reports: name, own time zone (may be null), EU main establishment (ISO country code), roles. */
public record Entity(String name, ZoneId timeZone, String euMainEstablishment, List<String> roles) {

    public Entity {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
