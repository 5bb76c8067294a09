package dev.tandem.server.store;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

/** Per organisation: the entity the obligations engine reasons about, and where notifications go. */
public final class MonitorSettings {

    /** The settings of one organisation (defaults until changed). */
    public record Settings(String entityName, String timeZone, String euMainEstablishment, List<String> roles,
            String webhookUrl, String webhookSecret, String emailTo, List<String> webhookEvents, List<String> emailEvents,
            Instant updatedAt, String updatedBy) {

        public static Settings defaults(Tenant tenant) {
            return new Settings(tenant.name(), "UTC", "", List.of("cra-manufacturer"), "", "", "", NOTIFIED, NOTIFIED,
                    null, null);
        }

        /** Whether events of {@code type} go to {@code channel} (the test message goes to every channel set). */
        public boolean notifies(String channel, String type) {
            if (type.equals("test")) {
                return true;
            }
            return switch (channel) {
                case "webhook" -> webhookEvents.contains(type);
                case "email" -> emailEvents.contains(type);
                default -> false;
            };
        }
    }

    /** The event types an organisation may choose per channel, all of them by default. */
    public static final List<String> NOTIFIED = List.of("case.opened", "case.stage.due-soon", "case.stage.overdue",
            "incident.opened", "incident.stage.due-soon", "incident.stage.overdue");

    private final Handle h;

    public MonitorSettings(Handle h) {
        this.h = h;
    }

    public Settings get(Tenant tenant) {
        return h.createQuery("select entity_name, time_zone, eu_main_establishment, roles, webhook_url, webhook_secret,"
                        + " email_to, updated_at, updated_by, webhook_events, email_events from monitor_settings"
                        + " where org_id = :org")
                .bind("org", tenant.id())
                .map((rs, ctx) -> new Settings(rs.getString(1), rs.getString(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()), rs.getString(5), rs.getString(6), rs.getString(7),
                        List.of((String[]) rs.getArray(10).getArray()), List.of((String[]) rs.getArray(11).getArray()),
                        FindingChanges.instant(rs.getTimestamp(8)), rs.getString(9)))
                .findOne().orElseGet(() -> Settings.defaults(tenant));
    }

    public void put(Tenant tenant, Settings s, String by, Instant at) {
        h.createUpdate("insert into monitor_settings (org_id, entity_name, time_zone, eu_main_establishment, roles,"
                        + " webhook_url, webhook_secret, email_to, webhook_events, email_events, updated_at, updated_by)"
                        + " values (:org, :name, :tz, :eu, :roles, :url, :secret, :email, :webhookEvents, :emailEvents, :at,"
                        + " :by) on conflict (org_id) do update set"
                        + " entity_name = excluded.entity_name, time_zone = excluded.time_zone,"
                        + " eu_main_establishment = excluded.eu_main_establishment, roles = excluded.roles,"
                        + " webhook_url = excluded.webhook_url, webhook_secret = excluded.webhook_secret,"
                        + " email_to = excluded.email_to, webhook_events = excluded.webhook_events,"
                        + " email_events = excluded.email_events, updated_at = excluded.updated_at,"
                        + " updated_by = excluded.updated_by")
                .bind("org", tenant.id()).bind("name", s.entityName()).bind("tz", s.timeZone())
                .bind("eu", s.euMainEstablishment()).bind("roles", s.roles().toArray(String[]::new))
                .bind("url", s.webhookUrl()).bind("secret", s.webhookSecret()).bind("email", s.emailTo())
                .bind("webhookEvents", s.webhookEvents().toArray(String[]::new))
                .bind("emailEvents", s.emailEvents().toArray(String[]::new)).bind("at", at).bind("by", by).execute();
    }

    /** Whether a product is made available on the EU market (CRA Art. 14 applies to it). */
    public boolean euMarket(long productId) {
        return h.createQuery("select eu_market from products where id = :id").bind("id", productId).mapTo(Boolean.class).one();
    }

    /** Which of these products are made available on the EU market, in one query. */
    public java.util.Set<Long> euMarket(java.util.Collection<Long> productIds) {
        return new java.util.HashSet<>(h.createQuery("select id from products where id = any(:ids) and eu_market")
                .bind("ids", productIds.toArray(new Long[0])).mapTo(Long.class).list());
    }

    public void setEuMarket(Tenant tenant, long productId, boolean euMarket) {
        h.createUpdate("update products set eu_market = :eu where org_id = :org and id = :id").bind("eu", euMarket)
                .bind("org", tenant.id()).bind("id", productId).execute();
    }
}
