package dev.tandem.reporting.incident;

import java.time.ZoneId;
import java.util.List;

/**
 * Who reports: name, own time zone (may be null), EU main establishment (ISO country code), the
 * roles the record declares and {@code effectiveRoles}: those with every role they imply in the
 * catalog's hierarchy (a DORA credit institution is a DORA financial entity). Rules test the
 * effective roles.
 */
public record Entity(String name, ZoneId timeZone, String euMainEstablishment, List<String> roles, List<String> effectiveRoles) {

    public Entity {
        roles = roles == null ? List.of() : List.copyOf(roles);
        effectiveRoles = effectiveRoles == null ? roles : List.copyOf(effectiveRoles);
    }

    /** An entity whose declared roles imply no others. */
    public Entity(String name, ZoneId timeZone, String euMainEstablishment, List<String> roles) {
        this(name, timeZone, euMainEstablishment, roles, null);
    }

    /** Whether the entity holds {@code role}, declared or implied. */
    public boolean hasRole(String role) {
        return effectiveRoles.contains(role);
    }
}
