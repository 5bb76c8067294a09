package dev.tandem.server.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.FindingChanges;
import dev.tandem.server.store.MonitorSettings;
import dev.tandem.server.store.Outbox;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Tenant;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An organisation's monitoring settings (the entity the obligations engine reasons about, the
 * webhook and e-mail recipients), which products are on the EU market, the test message, and the
 * logs: finding changes with their causes, events, deliveries and their tries.
 */
public final class Monitoring {

    private static final Pattern MEMBER_STATE = Pattern.compile("AT|BE|BG|HR|CY|CZ|DK|EE|FI|FR|DE|GR|EL|HU|IE|IT|LV|LT|LU|MT"
            + "|NL|PL|PT|RO|SK|SI|ES|SE");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+");

    private final Database database;
    private final Clock clock;
    private final dev.tandem.server.notify.WebhookTargets targets;

    /** Monitoring that refuses webhooks to private addresses. */
    public Monitoring(Database database, Clock clock) {
        this(database, clock, new dev.tandem.server.notify.WebhookTargets(false));
    }

    public Monitoring(Database database, Clock clock, dev.tandem.server.notify.WebhookTargets targets) {
        this.database = database;
        this.clock = clock;
        this.targets = targets;
    }

    public MonitorSettings.Settings settings(Tenant tenant) {
        return database.read(h -> new MonitorSettings(h).get(tenant));
    }

    /** Replaces the settings after checking them; the webhook secret is kept when {@code webhookSecret} is null. */
    public MonitorSettings.Settings putSettings(Tenant tenant, String actor, MonitorSettings.Settings requested) {
        MonitorSettings.Settings s = check(requested);
        Instant now = clock.instant();
        return database.transaction(h -> {
            MonitorSettings settings = new MonitorSettings(h);
            MonitorSettings.Settings before = settings.get(tenant);
            String secret = s.webhookSecret() == null ? before.webhookSecret() : s.webhookSecret();
            MonitorSettings.Settings stored = new MonitorSettings.Settings(s.entityName(), s.timeZone(),
                    s.euMainEstablishment(), s.roles(), s.webhookUrl(), secret, s.emailTo(),
                    s.webhookEvents() == null ? before.webhookEvents() : s.webhookEvents(),
                    s.emailEvents() == null ? before.emailEvents() : s.emailEvents(), now, actor);
            settings.put(tenant, stored, actor, now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("entityName", s.entityName());
            details.put("timeZone", s.timeZone());
            details.put("euMainEstablishment", s.euMainEstablishment());
            details.put("roles", String.join(",", s.roles()));
            details.put("webhookUrl", s.webhookUrl());
            details.put("webhookSecretChanged", !secret.equals(before.webhookSecret()));
            details.put("emailTo", s.emailTo());
            details.put("webhookEvents", String.join(",", stored.webhookEvents()));
            details.put("emailEvents", String.join(",", stored.emailEvents()));
            new AuditLog(h).append(tenant, now, actor, "monitoring.settings", "organisation:" + tenant.name(), details);
            return stored;
        });
    }

    private MonitorSettings.Settings check(MonitorSettings.Settings s) {
        String name = s.entityName() == null ? "" : s.entityName().strip();
        String zone = s.timeZone() == null || s.timeZone().isBlank() ? "UTC" : s.timeZone().strip();
        try {
            ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw Refusal.invalid("timeZone '" + zone + "' is not an IANA time zone (Europe/Berlin, America/New_York)");
        }
        String eu = s.euMainEstablishment() == null ? "" : s.euMainEstablishment().strip().toUpperCase(java.util.Locale.ROOT);
        if (!eu.isEmpty() && !MEMBER_STATE.matcher(eu).matches()) {
            throw Refusal.invalid("euMainEstablishment '" + eu + "' is not the code of an EU Member State");
        }
        List<String> roles = s.roles() == null ? List.of() : s.roles().stream().map(String::strip).filter(r -> !r.isEmpty())
                .distinct().toList();
        String url = s.webhookUrl() == null ? "" : s.webhookUrl().strip();
        if (!url.isEmpty()) {
            try {
                URI uri = URI.create(url);
                if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid("webhookUrl '" + url + "' is not an http or https URL");
            }
            java.util.Optional<String> refused = targets.refusal(URI.create(url));
            if (refused.isPresent()) {
                throw Refusal.invalid("webhookUrl '" + url + "' is refused: " + refused.get());
            }
        }
        String email = s.emailTo() == null ? "" : s.emailTo().strip();
        for (String address : email.isEmpty() ? new String[0] : email.split("\\s*,\\s*")) {
            if (!EMAIL.matcher(address).matches()) {
                throw Refusal.invalid("emailTo: '" + address + "' is not an e-mail address");
            }
        }
        if (s.webhookSecret() != null && !s.webhookSecret().isEmpty() && s.webhookSecret().length() < 16) {
            throw Refusal.invalid("webhookSecret is at least 16 characters");
        }
        return new MonitorSettings.Settings(name, zone, eu, roles, url, s.webhookSecret(), email, events(s.webhookEvents(),
                "webhookEvents"), events(s.emailEvents(), "emailEvents"), null, null);
    }

    /** A channel's event types: null keeps the current ones; each must be one of {@link MonitorSettings#NOTIFIED}. */
    private static List<String> events(List<String> types, String field) {
        if (types == null) {
            return null;
        }
        for (String type : types) {
            if (!MonitorSettings.NOTIFIED.contains(type)) {
                throw Refusal.invalid(field + ": '" + type + "' is not an event type (" + String.join(", ",
                        MonitorSettings.NOTIFIED) + ")");
            }
        }
        return MonitorSettings.NOTIFIED.stream().filter(types::contains).toList();
    }

    /** Marks a product as made available on the EU market or not (cases open only for those that are). */
    public void euMarket(Tenant tenant, String actor, String productSlug, boolean euMarket) {
        Instant now = clock.instant();
        database.transaction(h -> {
            Products.Product product = new Products(h).find(tenant, productSlug)
                    .orElseThrow(() -> Refusal.notFound("product '" + productSlug + "'"));
            new MonitorSettings(h).setEuMarket(tenant, product.id(), euMarket);
            new AuditLog(h).append(tenant, now, actor, "product.eu-market", "product:" + productSlug,
                    Map.of("euMarket", euMarket));
            return null;
        });
    }

    public boolean euMarket(Tenant tenant, String productSlug) {
        return database.read(h -> {
            Products.Product product = new Products(h).find(tenant, productSlug)
                    .orElseThrow(() -> Refusal.notFound("product '" + productSlug + "'"));
            return new MonitorSettings(h).euMarket(product.id());
        });
    }

    /** Emits a test event to every channel set; the deliverer sends it like any other. */
    public long test(Tenant tenant, String actor) {
        Instant now = clock.instant();
        return database.transaction(h -> {
            MonitorSettings.Settings s = new MonitorSettings(h).get(tenant);
            if (s.webhookUrl().isBlank() && s.emailTo().isBlank()) {
                throw Refusal.invalid("no webhook URL and no e-mail recipient are set: nothing to test");
            }
            ObjectNode data = Events.JSON.createObjectNode();
            data.put("requestedBy", actor);
            long id = Events.emit(h, tenant, Events.TEST, "organisation:" + tenant.name(), data,
                    "test:" + tenant.id() + ":" + now + ":" + System.nanoTime(), now).orElseThrow();
            new AuditLog(h).append(tenant, now, actor, "monitoring.test", "event:" + id, Map.of());
            return id;
        });
    }

    public List<FindingChanges.Change> changes(Tenant tenant, int offset, int limit) {
        return database.read(h -> new FindingChanges(h).list(tenant, offset, limit));
    }

    public List<Outbox.Event> events(Tenant tenant, int limit) {
        return database.read(h -> new Outbox(h).events(tenant, limit));
    }

    public List<Outbox.DeliveryRow> deliveries(Tenant tenant, int limit) {
        return database.read(h -> new Outbox(h).deliveries(tenant, limit));
    }

    public List<Outbox.Attempt> attempts(Tenant tenant, long deliveryId) {
        return database.read(h -> new Outbox(h).attempts(tenant, deliveryId));
    }
}
