package dev.tandem.render.conformity;

import dev.tandem.conformity.assessment.Derivation;
import dev.tandem.conformity.assessment.RequirementResult;
import dev.tandem.conformity.profile.Status;
import dev.tandem.render.html.Legends;
import dev.tandem.render.html.Page;
import dev.tandem.render.html.Text;
import dev.tandem.render.html.Tone;
import java.util.List;

/** How the conformity documents show a status, a derivation and evidence, the same way in every page. */
final class ConformityText {

    private ConformityText() {
    }

    static Tone tone(Status status) {
        return switch (status) {
            case MET -> Tone.OK;
            case PARTIAL -> Tone.WARN;
            case NOT_MET -> Tone.BAD;
            case NOT_APPLICABLE -> Tone.NEUTRAL;
            case NOT_ASSESSED -> Tone.NEUTRAL;
        };
    }

    static Text status(Status status) {
        return Text.ofBadge(tone(status), status.label());
    }

    /** The justification, then each evidence link, then how the status was derived when it was. */
    static Text evidence(RequirementResult q) {
        Text text = Text.empty();
        if (q.justification() != null && !q.justification().isBlank()) {
            text.plain(q.justification());
        }
        for (String link : q.evidence()) {
            text.lineBreak().plain("Evidence: ").link(link, link);
        }
        Derivation d = q.derivedFrom();
        if (d != null) {
            text.lineBreak().muted("Derived from " + d.catalog() + " " + String.join(", ", d.requirements()) + " through "
                    + d.mapping() + " (" + d.relationship().label() + ")" + (d.carriesMet() ? "" : "; does not carry 'met'"));
        }
        if (text.isEmpty()) {
            text.muted(q.status() == Status.NOT_ASSESSED ? "No evidence in the product profile." : "No justification given.");
        }
        return text;
    }

    /** The requirement's id and its title, flagged when the catalog entry is not confirmed. */
    static Text requirement(RequirementResult q) {
        Text text = Text.ofCode(q.id()).plain(" " + q.title());
        if (q.confidence() != null && q.confidence().needsFlag()) {
            text.plain(" ").append(Legends.tag(q.confidence()));
        }
        return text;
    }

    /** The legend of requirement statuses. */
    static List<Page.LegendEntry> statusLegend() {
        return List.of(
                Legends.status(Tone.OK, "met", "The profile's evidence (or a derivation from another catalog) shows the requirement met."),
                Legends.status(Tone.WARN, "partial", "Met in part: the justification says what is missing."),
                Legends.status(Tone.BAD, "not met", "The profile says the requirement is not met."),
                Legends.status(Tone.NEUTRAL, "not applicable", "The profile says the requirement does not apply, with a reason."),
                Legends.status(Tone.NEUTRAL, "not assessed", "The profile gives no evidence and nothing could be derived."),
                Legends.status(Tone.OK, "given in the profile", "A checklist item the profile's own fields answer (the notes name them)."),
                Legends.status(Tone.BAD, "missing", "A checklist item neither evidence nor a field of the profile speaks to."));
    }
}
