package dev.tandem.server.monitor;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.reporting.obligation.Status;
import dev.tandem.render.reporting.ReportingFormats;
import dev.tandem.server.audit.AuditLog;
import dev.tandem.server.store.Cases;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.MonitorSettings;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Tenant;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.reporting.IncidentInput;
import dev.tandem.usecase.reporting.ObligationsRequest;
import dev.tandem.usecase.reporting.ObligationsResult;
import dev.tandem.usecase.reporting.ObligationsUseCase;
import dev.tandem.usecase.reporting.ReportDraftRequest;
import dev.tandem.usecase.reporting.ReportDraftResult;
import dev.tandem.usecase.reporting.ReportDraftUseCase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vulnerability cases: listing them with their clocks (computed live by the obligations engine
 * from the case as an incident record), confirming or correcting the proposed awareness (audited,
 * with a reason), recording the corrective measure and submissions (each closes its stage), opening
 * a case by hand for a vulnerability the user knows to be actively exploited (with the evidence).
 * Every change is one transaction with its audit entry.
 */
public final class CaseBook {

    /** The window before a due instant in which a stage is announced as due soon. */
    public static final Duration DUE_SOON = Duration.ofHours(6);
    private static final Pattern VULNERABILITY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{1,63}");

    private final Database database;
    private final Clock clock;
    private final KnowledgeBase knowledge;

    public CaseBook(Database database, Clock clock, KnowledgeBase knowledge) {
        this.database = database;
        this.clock = clock;
        this.knowledge = knowledge;
    }

    /** A case with its submissions, its obligations as of now, and the organisation's settings. */
    public record CaseView(Cases.StoredCase stored, List<Cases.Submission> submissions, ObligationsResult obligations,
            MonitorSettings.Settings settings, Instant at) {

        /** Stages not yet submitted, in force and dated or waiting, earliest first. */
        public List<Obligation> open() {
            return obligations.obligations().stream()
                    .filter(o -> o.inForce() && o.status() != Status.SUBMITTED).toList();
        }

        public ZoneId zone() {
            try {
                return ZoneId.of(settings.timeZone());
            } catch (RuntimeException e) {
                return ZoneId.of("UTC");
            }
        }
    }

    public List<CaseView> list(Tenant tenant, boolean openOnly) {
        Instant now = clock.instant();
        return database.read(h -> {
            MonitorSettings.Settings settings = new MonitorSettings(h).get(tenant);
            return new Cases(h).list(tenant, openOnly).stream()
                    .map(c -> view(c, new Cases(h).submissions(tenant, c.id()), settings, now)).toList();
        });
    }

    public CaseView show(Tenant tenant, long id) {
        Instant now = clock.instant();
        return database.read(h -> {
            Cases cases = new Cases(h);
            Cases.StoredCase c = cases.find(tenant, id).orElseThrow(() -> Refusal.notFound("case " + id));
            return view(c, cases.submissions(tenant, id), new MonitorSettings(h).get(tenant), now);
        });
    }

    /** The obligations of a case at {@code at}, computed by the engine from the case as an incident record. */
    public CaseView view(Cases.StoredCase c, List<Cases.Submission> submissions, MonitorSettings.Settings settings,
            Instant at) {
        InputDocument record = CaseRecord.of(c, settings, submissions);
        try {
            ObligationsResult result = new ObligationsUseCase(knowledge).run(new ObligationsRequest(
                    IncidentInput.of(record), at, DUE_SOON, false));
            return new CaseView(c, submissions, result, settings, at);
        } catch (InputException e) {
            throw Refusal.invalid("the case does not make a valid incident record: " + e.getMessage());
        }
    }

    /** The draft of one stage's report (the {@code report} command's JSON), and its SHA-256. */
    public record Draft(String mediaType, byte[] content, String sha256) {
    }

    public Draft draft(Tenant tenant, long id, String framework, String stage, String format) {
        CaseView view = show(tenant, id);
        InputDocument record = CaseRecord.of(view.stored(), view.settings(), view.submissions());
        try {
            ReportDraftResult draft = new ReportDraftUseCase(knowledge).run(new ReportDraftRequest(IncidentInput.of(record),
                    framework, stage, view.at(), false));
            var renderer = ReportingFormats.REPORT_DRAFT.find(format)
                    .orElseThrow(() -> Refusal.invalid("a draft is md, json or html, not " + format));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            renderer.write(draft, out);
            return new Draft(renderer.mediaType(), out.toByteArray(), sha256(out.toByteArray()));
        } catch (InputException e) {
            throw Refusal.invalid(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (e instanceof Refusal) {
                throw e;
            }
            throw Refusal.invalid("no draft for " + framework + " " + stage + ": " + e.getMessage());
        }
    }

    /** Confirms (same instant) or corrects the proposed awareness, with a reason; audited. */
    public CaseView confirmAwareness(Tenant tenant, String actor, long id, Instant awareAt, String reason) {
        if (awareAt == null) {
            throw Refusal.invalid("awareAt is required (ISO-8601 with an offset)");
        }
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid("a reason is required: the awareness starts the CRA clocks, and a regulator may ask why");
        }
        Instant now = clock.instant();
        if (awareAt.isAfter(now)) {
            throw Refusal.invalid("awareAt cannot be in the future");
        }
        database.transaction(h -> {
            Cases cases = new Cases(h);
            Cases.StoredCase c = cases.lock(tenant, id).orElseThrow(() -> Refusal.notFound("case " + id));
            cases.confirmAwareness(tenant, id, awareAt, actor, reason.strip());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("proposedAwareAt", c.proposedAwareAt().toString());
            details.put("previousAwareAt", c.awareAt() == null ? "" : c.awareAt().toString());
            details.put("awareAt", awareAt.toString());
            details.put("reason", reason.strip());
            new AuditLog(h).append(tenant, now, actor, awareAt.equals(c.proposedAwareAt()) ? "case.awareness.confirm"
                    : "case.awareness.correct", "case:" + id, details);
            return null;
        });
        return show(tenant, id);
    }

    /** Records when a corrective measure became available (starts the final report's clock). */
    public CaseView correctiveMeasure(Tenant tenant, String actor, long id, Instant at) {
        Instant now = clock.instant();
        if (at == null || at.isAfter(now)) {
            throw Refusal.invalid("correctiveMeasureAt is required and cannot be in the future");
        }
        database.transaction(h -> {
            Cases cases = new Cases(h);
            cases.lock(tenant, id).orElseThrow(() -> Refusal.notFound("case " + id));
            cases.setCorrectiveMeasure(tenant, id, at);
            new AuditLog(h).append(tenant, now, actor, "case.corrective-measure", "case:" + id,
                    Map.of("correctiveMeasureAt", at.toString()));
            return null;
        });
        return show(tenant, id);
    }

    /**
     * Records a submission: the stage, when, to whom, the draft's content hash (computed from the
     * current draft when not given). It closes that stage; the engine starts the next clock.
     */
    public CaseView submit(Tenant tenant, String actor, long id, String framework, String stage, Instant at,
            String recipient, String draftSha256, String reference) {
        CaseView view = show(tenant, id);
        Instant now = clock.instant();
        StageSubmission checked = StageSubmission.check(view.obligations().obligations(), "the case", framework, stage, at,
                now, recipient, draftSha256, () -> draft(tenant, id, framework, stage, "json").sha256());
        Instant when = checked.when();
        String sha = checked.sha256();
        String to = checked.recipient();
        boolean recorded = database.transaction(h -> {
            Cases cases = new Cases(h);
            cases.lock(tenant, id).orElseThrow(() -> Refusal.notFound("case " + id));
            boolean added = cases.submit(tenant, id, new Cases.Submission(0, framework, stage, when, to == null ? "" : to, sha,
                    reference == null ? "" : reference.strip(), actor, now));
            if (added) {
                checked.audit(h, tenant, actor, "case.submission", "case:" + id, null, now);
            }
            return added;
        });
        if (!recorded) {
            throw new Refusal(Refusal.Kind.CONFLICT, "the stage " + stage + " of " + framework + " is already submitted");
        }
        return show(tenant, id);
    }

    /** Opens a case for a vulnerability the user marks as actively exploited, with the evidence. */
    public CaseView open(Tenant tenant, String actor, String productSlug, String vulnerabilityId, String evidence) {
        if (vulnerabilityId == null || !VULNERABILITY.matcher(vulnerabilityId).matches()) {
            throw Refusal.invalid("vulnerabilityId is a vulnerability id (CVE-2026-1234, GHSA-…)");
        }
        if (evidence == null || evidence.isBlank()) {
            throw Refusal.invalid("the evidence of active exploitation is required (CRA Art. 3(42): reliable evidence)");
        }
        Instant now = clock.instant();
        long id = database.transaction(h -> {
            Products.Product product = new Products(h).find(tenant, productSlug)
                    .orElseThrow(() -> Refusal.notFound("product '" + productSlug + "'"));
            List<String> releases = new Products(h).releases(product).stream().map(Products.Release::version).toList();
            Cases cases = new Cases(h);
            String reason = "marked actively exploited by " + actor;
            Optional<Long> opened = cases.openIfAbsent(tenant, product.id(), vulnerabilityId, releases, actor, reason,
                    evidence.strip(), now);
            if (opened.isEmpty()) {
                throw new Refusal(Refusal.Kind.CONFLICT, "a case for " + vulnerabilityId + " in " + productSlug
                        + " exists already");
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("product", productSlug);
            details.put("vulnerability", vulnerabilityId);
            details.put("evidence", evidence.strip());
            new AuditLog(h).append(tenant, now, actor, "case.open", "case:" + opened.get(), details);
            ReverseMatch.caseOpened(h, tenant, opened.get(), productSlug, vulnerabilityId, reason, now);
            return opened.get();
        });
        return show(tenant, id);
    }

    /** Closes or reopens a case (clocks stop being watched while closed). */
    public CaseView status(Tenant tenant, String actor, long id, String status, String reason) {
        if (!"open".equals(status) && !"closed".equals(status)) {
            throw Refusal.invalid("status is open or closed");
        }
        Instant now = clock.instant();
        database.transaction(h -> {
            Cases cases = new Cases(h);
            cases.lock(tenant, id).orElseThrow(() -> Refusal.notFound("case " + id));
            cases.setStatus(tenant, id, status);
            new AuditLog(h).append(tenant, now, actor, "case." + (status.equals("open") ? "reopen" : "close"), "case:" + id,
                    Map.of("reason", reason == null ? "" : reason.strip()));
            return null;
        });
        return show(tenant, id);
    }

    /** Emits {@code due-soon} (6 hours or less left) and {@code overdue} events of every open case, once per stage. */
    public int watchClocks() {
        Instant now = clock.instant();
        List<Object[]> open = database.read(h -> new Cases(h).allOpen());
        int emitted = 0;
        for (Object[] row : open) {
            Tenant tenant = (Tenant) row[0];
            long id = (Long) row[1];
            CaseView view;
            try {
                view = show(tenant, id);
            } catch (RuntimeException e) {
                continue; // a case the engine cannot read is shown with its error on its page
            }
            CaseView seen = view;
            emitted += ClockEvents.announce(database, tenant, ClockEvents.CASE, "case:" + id, "case:" + id, view.open(),
                    view.zone(), () -> {
                        ObjectNode data = ClockEvents.data();
                        data.put("case", id);
                        data.put("product", seen.stored().productSlug());
                        data.put("vulnerability", seen.stored().vulnerabilityId());
                        return data;
                    }, now);
        }
        return emitted;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
