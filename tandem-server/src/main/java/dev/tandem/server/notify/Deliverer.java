package dev.tandem.server.notify;

import dev.tandem.server.MonitorOptions;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.MonitorSettings;
import dev.tandem.server.store.Outbox;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due deliveries: claims them (so no other instance sends them meanwhile), sends, logs each
 * try, and schedules a failed one again with a doubling wait, up to {@link #MAX_ATTEMPTS} tries.
 * Delivery is at least once: an instance killed between sending and logging sends again after the
 * lease; receivers drop repeats by the delivery id ({@code X-Tandem-Delivery}, the e-mail's Message-ID).
 */
public final class Deliverer {

    private static final Logger LOG = LoggerFactory.getLogger(Deliverer.class);

    /** Tries per delivery before it is given up (logged as failed). */
    public static final int MAX_ATTEMPTS = 8;
    /** The webhook signature header: {@code sha256=} and the HMAC-SHA256 of the body under the organisation's secret. */
    public static final String SIGNATURE_HEADER = "X-Tandem-Signature-256";

    private final Database database;
    private final Clock clock;
    private final MonitorOptions.Smtp smtp;
    private final Duration backoff;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private volatile WebhookTargets targets = new WebhookTargets(false);

    /** Checks every webhook's address with {@code targets} before sending (the default refuses private ones). */
    public Deliverer checking(WebhookTargets targets) {
        this.targets = targets;
        return this;
    }

    public Deliverer(Database database, Clock clock, MonitorOptions.Smtp smtp, Duration backoff) {
        this.database = database;
        this.clock = clock;
        this.smtp = smtp;
        this.backoff = backoff;
    }

    /** Sends what is due; returns how many were tried. */
    public int deliverDue() {
        Instant now = clock.instant();
        List<Outbox.Delivery> due = database.transaction(h -> new Outbox(h).claim(now, now.plus(Duration.ofMinutes(2)), 50));
        for (Outbox.Delivery delivery : due) {
            String error = null;
            String detail;
            try {
                detail = send(delivery);
            } catch (IOException | MessagingException | RuntimeException e) {
                error = e.getMessage() == null ? e.toString() : e.getMessage();
                detail = error;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return due.size();
            }
            Instant at = clock.instant();
            boolean ok = error == null;
            int attempt = delivery.attempts() + 1;
            Instant next = ok || attempt >= MAX_ATTEMPTS ? null
                    : at.plus(backoff.multipliedBy(1L << Math.min(attempt - 1, 10)));
            String logged = detail;
            database.transaction(h -> {
                new Outbox(h).attempted(delivery, at, ok, logged, next);
                return null;
            });
            if (!ok) {
                LOG.warn("{} delivery {} of event {} failed (try {}): {}", delivery.channel(), delivery.id(),
                        delivery.event().type(), attempt, error);
            }
        }
        return due.size();
    }

    private String send(Outbox.Delivery delivery) throws IOException, InterruptedException, MessagingException {
        MonitorSettings.Settings settings = database.read(h -> new MonitorSettings(h).get(delivery.event().tenant()));
        return switch (delivery.channel()) {
            case "webhook" -> webhook(delivery, settings);
            case "email" -> email(delivery);
            default -> throw new IllegalStateException("unknown channel " + delivery.channel());
        };
    }

    private String webhook(Outbox.Delivery delivery, MonitorSettings.Settings settings)
            throws IOException, InterruptedException {
        byte[] body = delivery.event().payload().getBytes(StandardCharsets.UTF_8);
        // Again at delivery: the name may resolve elsewhere than when the URL was saved.
        java.util.Optional<String> refused = targets.refusal(URI.create(delivery.target()));
        if (refused.isPresent()) {
            throw new IOException("refused: " + refused.get());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(delivery.target())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("User-Agent", "tandem-server")
                .header("X-Tandem-Event", delivery.event().type())
                .header("X-Tandem-Delivery", String.valueOf(delivery.id()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!settings.webhookSecret().isBlank()) {
            request.header(SIGNATURE_HEADER, "sha256=" + hmac(settings.webhookSecret(), body));
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("the webhook answered HTTP " + response.statusCode());
        }
        return "HTTP " + response.statusCode();
    }

    private String email(Outbox.Delivery delivery) throws MessagingException {
        if (smtp == null) {
            throw new IllegalStateException("no SMTP server is configured (serve --smtp-host)");
        }
        Properties properties = new Properties();
        properties.put("mail.smtp.host", smtp.host());
        properties.put("mail.smtp.port", String.valueOf(smtp.port()));
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "30000");
        if (smtp.startTls()) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        boolean auth = smtp.user() != null && !smtp.user().isBlank();
        properties.put("mail.smtp.auth", String.valueOf(auth));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<delivery-" + delivery.id() + "@tandem>");
            }
        };
        message.setFrom(new InternetAddress(smtp.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(delivery.target()));
        message.setSubject(Messages.subject(delivery.event()), "UTF-8");
        message.setText(Messages.text(delivery.event()), "UTF-8");
        message.setHeader("X-Tandem-Event", delivery.event().type());
        message.setHeader("X-Tandem-Delivery", String.valueOf(delivery.id()));
        if (auth) {
            Transport.send(message, smtp.user(), smtp.password());
        } else {
            Transport.send(message);
        }
        return "sent to " + delivery.target() + " via " + smtp.host() + ":" + smtp.port();
    }

    /** HMAC-SHA256 of {@code body} under {@code secret}, lower-case hex. */
    public static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
