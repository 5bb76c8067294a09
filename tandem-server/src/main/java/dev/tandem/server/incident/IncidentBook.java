package dev.tandem.server.incident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.input.JsonInput;
import dev.tandem.reporting.obligation.Obligation;
import dev.tandem.reporting.obligation.Status;
import dev.tandem.render.reporting.ReportingFormats;
import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.monitor.ClockEvents;
import dev.tandem.server.monitor.Events;
import dev.tandem.server.monitor.StageSubmission;
import dev.tandem.server.portfolio.DocumentShelf;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Documents;
import dev.tandem.server.store.Refusal;
import dev.tandem.server.store.Role;
import dev.tandem.server.store.Tenant;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.reporting.ExerciseRequest;
import dev.tandem.usecase.reporting.ExerciseResult;
import dev.tandem.usecase.reporting.ExerciseUseCase;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Incident records kept on the shelf, evaluated live: the obligations engine, the report drafts and
 * the exercise timeline run over the stored record at the instant asked. A record is edited as a
 * whole (a form changes the fields it shows and keeps every other one as it was) and checked by the
 * engine before it is kept; a submission is written into the record's {@code submissions}, which
 * closes that stage, and the engine starts the clocks that depend on it.
 */
public final class IncidentBook {

    /** The window before a due instant in which a stage counts as due soon (as for cases). */
    public static final Duration DUE_SOON = Duration.ofHours(6);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Database database;
    private final DocumentShelf shelf;
    private final Clock clock;
    private final KnowledgeBase knowledge;

    public IncidentBook(Database database, DocumentShelf shelf, Clock clock, KnowledgeBase knowledge) {
        this.database = database;
        this.shelf = shelf;
        this.clock = clock;
        this.knowledge = knowledge;
    }

    /** A kept record as a JSON tree, its obligations and exercise timeline as of {@code at}. */
    public record IncidentView(String name, Documents.StoredDocument document, ObjectNode record,
            ObligationsResult obligations, ExerciseResult exercise, Instant at) {

        /** Stages in force and not yet submitted, earliest first. */
        public List<Obligation> open() {
            return IncidentBook.open(obligations);
        }

        /** The entity's time zone, UTC when it names none (or an unknown one, which the engine warns of). */
        public ZoneId zone() {
            return zoneOf(record);
        }
    }

    private static List<Obligation> open(ObligationsResult obligations) {
        return obligations.obligations().stream().filter(o -> o.inForce() && o.status() != Status.SUBMITTED).toList();
    }

    private static ZoneId zoneOf(ObjectNode record) {
        try {
            return ZoneId.of(record.path("entity").path("timeZone").asText("UTC"));
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    /** The kept records, newest first. */
    public List<Documents.StoredDocument> list(Caller caller) {
        return shelf.list(caller, DocumentShelf.INCIDENT);
    }

    /** One kept record, evaluated now. */
    public IncidentView show(Caller caller, String name) {
        Documents.StoredDocument document = document(caller, name);
        byte[] content = shelf.content(caller, DocumentShelf.INCIDENT, name);
        Instant now = clock.instant();
        ObligationsResult obligations = obligations(name, content, now);
        return new IncidentView(name, document, tree(name, content), obligations, exercise(name, tree(name, content), now),
                now);
    }

    /** The record as kept, as a JSON tree (a YAML record converted), for a form to start from. */
    public Optional<ObjectNode> record(Caller caller, String name) {
        if (shelf.list(caller, DocumentShelf.INCIDENT).stream().noneMatch(d -> d.name().equals(name))) {
            return Optional.empty();
        }
        return Optional.of(tree(name, shelf.content(caller, DocumentShelf.INCIDENT, name)));
    }

    /**
     * Keeps a record (new or edited) after the engine has read it: a record the engine refuses is
     * not kept, and the refusal names the field. Stored as JSON.
     */
    public IncidentView save(Caller caller, String name, ObjectNode record, boolean create) {
        Accounts.require(caller, Role.EDITOR);
        boolean exists = shelf.list(caller, DocumentShelf.INCIDENT).stream().anyMatch(d -> d.name().equals(name));
        if (create && exists) {
            throw new Refusal(Refusal.Kind.CONFLICT, "an incident named '" + name + "' exists already");
        }
        if (!create && !exists) {
            throw Refusal.notFound("incident '" + name + "'");
        }
        byte[] content = bytes(record);
        obligations(name, content, clock.instant()); // refuses what the engine cannot read
        shelf.put(caller, DocumentShelf.INCIDENT, name, null, content, "application/json", opened(caller, name, record));
        return show(caller, name);
    }

    /**
     * Keeps a record as sent (JSON or YAML, its bytes and media type unchanged) once the engine has
     * read it, as the form and a submission do: a record the engine refuses is not kept (a record
     * of that name keeps its previous content), and the refusal is the reader's message, naming the
     * field or position.
     */
    public void put(Caller caller, String name, byte[] content, String mediaType) {
        Accounts.require(caller, Role.EDITOR);
        if (content.length == 0) {
            shelf.put(caller, DocumentShelf.INCIDENT, name, null, content, mediaType); // refuses it, as for any document
            return;
        }
        obligations(name, content, clock.instant()); // refuses what the engine cannot read
        shelf.put(caller, DocumentShelf.INCIDENT, name, null, content, mediaType, opened(caller, name, tree(name, content)));
    }

    /** The {@code incident.opened} event of a record kept for the first time, in the transaction that keeps it. */
    private static DocumentShelf.InSameTransaction opened(Caller caller, String name, ObjectNode record) {
        return (h, kept, at) -> {
            if (kept.created()) {
                ObjectNode data = identity(name, record);
                data.put("awareAt", record.path("timeline").path("awareAt").asText(""));
                data.put("recordedBy", caller.actor());
                Events.emit(h, caller.tenant(), Events.INCIDENT_OPENED, "incident:" + name, data,
                        "incident:" + kept.id() + ":opened", at);
            }
        };
    }

    /** What names an incident in its events' data: its name, title and entity. */
    private static ObjectNode identity(String name, ObjectNode record) {
        ObjectNode data = ClockEvents.data();
        data.put("incident", name);
        data.put("title", record.path("title").asText(""));
        data.put("entity", record.path("entity").path("name").asText(""));
        return data;
    }

    /**
     * Emits {@code incident.stage.due-soon} (6 hours or less left) and {@code incident.stage.overdue}
     * for the stages not yet submitted of every kept record of every organisation, once per stage and
     * due instant, as the case clock watch does. A record the engine cannot read is skipped (its page
     * shows the error).
     */
    public int watchClocks() {
        Instant now = clock.instant();
        List<Map.Entry<Tenant, Documents.StoredDocument>> all = database.read(h -> new Documents(h).all(DocumentShelf.INCIDENT));
        int emitted = 0;
        for (Map.Entry<Tenant, Documents.StoredDocument> entry : all) {
            Tenant tenant = entry.getKey();
            String name = entry.getValue().name();
            Optional<byte[]> content = database.read(h -> new Documents(h).content(tenant, DocumentShelf.INCIDENT, name));
            if (content.isEmpty()) {
                continue;
            }
            ObligationsResult obligations;
            ObjectNode record;
            try {
                obligations = obligations(name, content.get(), now);
                record = tree(name, content.get());
            } catch (RuntimeException e) {
                continue;
            }
            emitted += ClockEvents.announce(database, tenant, ClockEvents.INCIDENT, "incident:" + name,
                    "incident:" + entry.getValue().id(), open(obligations), zoneOf(record), () -> identity(name, record), now);
        }
        return emitted;
    }

    /**
     * Records a submission into the record: the stage, when (default now), to whom (default the
     * recipient the rule names) and the SHA-256 of the draft sent (default the current draft's),
     * kept in the submission's note and in the audit log. A stage is submitted once.
     */
    public IncidentView submit(Caller caller, String name, String framework, String stage, Instant at, String recipient,
            String draftSha256, String reference) {
        Accounts.require(caller, Role.EDITOR);
        IncidentView view = show(caller, name);
        Instant now = clock.instant();
        StageSubmission checked = StageSubmission.check(view.obligations().obligations(), "the incident", framework, stage,
                at, now, recipient, draftSha256, () -> draft(caller, name, framework, stage, "json").sha256());
        Instant when = checked.when();
        String sha = checked.sha256();
        String to = checked.recipient();
        ObjectNode record = view.record().deepCopy();
        JsonNode existing = record.get("submissions");
        ArrayNode submissions = existing instanceof ArrayNode array ? array : record.putArray("submissions");
        ObjectNode entry = submissions.addObject();
        entry.put("framework", framework);
        entry.put("stage", stage);
        entry.put("at", when.toString());
        if (reference != null && !reference.isBlank()) {
            entry.put("reference", reference.strip());
        }
        entry.put("note", "sent to " + (to == null || to.isBlank() ? "the recipient the rule names" : to)
                + "; draft SHA-256 " + sha + "; recorded by " + caller.actor() + " at " + now);
        byte[] content = bytes(record);
        obligations(name, content, now);
        // The record and its audit entry in one transaction.
        shelf.put(caller, DocumentShelf.INCIDENT, name, null, content, "application/json", (h, kept, keptAt) -> checked.audit(h,
                caller.tenant(), caller.actor(), "incident.submission", "incident:" + name,
                reference == null ? "" : reference.strip(), now));
        return show(caller, name);
    }

    /** The draft of one stage's report in a format of the {@code report} command, and its SHA-256. */
    public record Draft(String mediaType, byte[] content, String sha256) {
    }

    public Draft draft(Caller caller, String name, String framework, String stage, String format) {
        if (framework == null || stage == null) {
            throw Refusal.invalid("framework and stage are required");
        }
        byte[] content = shelf.content(caller, DocumentShelf.INCIDENT, name);
        try {
            ReportDraftResult draft = new ReportDraftUseCase(knowledge).run(new ReportDraftRequest(
                    IncidentInput.of(new InputDocument(name, content)), framework, stage, clock.instant(), false));
            var renderer = ReportingFormats.REPORT_DRAFT.find(format == null ? "md" : format)
                    .orElseThrow(() -> Refusal.invalid("a draft is md, json or html, not " + format));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            renderer.write(draft, out);
            return new Draft(renderer.mediaType(), out.toByteArray(), sha256(out.toByteArray()));
        } catch (InputException e) {
            throw Refusal.invalid(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Refusal e) {
            throw e;
        } catch (RuntimeException e) {
            throw Refusal.invalid("no draft for " + framework + " " + stage + ": " + e.getMessage());
        }
    }

    /** The exercise timeline of the record until now, in a format of the {@code exercise} command. */
    public Draft timeline(Caller caller, String name, String format) {
        IncidentView view = show(caller, name);
        var renderer = ReportingFormats.EXERCISE.find(format == null ? "json" : format)
                .orElseThrow(() -> Refusal.invalid("a timeline is json or html, not " + format));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            renderer.write(view.exercise(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Draft(renderer.mediaType(), out.toByteArray(), sha256(out.toByteArray()));
    }

    private ObligationsResult obligations(String name, byte[] content, Instant at) {
        try {
            return new ObligationsUseCase(knowledge).run(new ObligationsRequest(
                    IncidentInput.of(new InputDocument(name, content)), at, DUE_SOON, false));
        } catch (InputException e) {
            throw Refusal.invalid(e.getMessage());
        }
    }

    /** The record replayed as an exercise that ends now: every stage met, late, missed or open so far. */
    private ExerciseResult exercise(String name, ObjectNode record, Instant at) {
        ObjectNode scenario = JSON.createObjectNode();
        scenario.put("title", "Incident " + name);
        scenario.put("until", at.toString());
        ObjectNode incident = record.deepCopy();
        incident.remove("$schema");
        scenario.set("incident", incident);
        try {
            return new ExerciseUseCase(knowledge).run(new ExerciseRequest(new InputDocument(name + " (exercise)",
                    bytes(scenario)), null, at));
        } catch (InputException e) {
            throw Refusal.invalid(e.getMessage());
        }
    }

    private Documents.StoredDocument document(Caller caller, String name) {
        return shelf.list(caller, DocumentShelf.INCIDENT).stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> Refusal.notFound("incident '" + name + "'"));
    }

    /** A kept record as a tree: JSON, or YAML (the engine read it already, with its hostile-input checks). */
    static ObjectNode tree(String name, byte[] content) {
        try {
            String text = new String(content, java.nio.charset.StandardCharsets.UTF_8).stripLeading();
            JsonNode node = text.startsWith("{") ? JsonInput.json().readTree(content) : JsonInput.yaml().readTree(content);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            throw Refusal.invalid(name + ": " + e.getMessage());
        }
        throw Refusal.invalid(name + ": an incident record is an object");
    }

    static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
