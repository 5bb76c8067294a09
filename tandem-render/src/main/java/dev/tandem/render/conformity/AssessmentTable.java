package dev.tandem.render.conformity;

import static dev.tandem.render.conformity.AssessmentDocument.classText;
import static dev.tandem.render.conformity.AssessmentDocument.count;
import static dev.tandem.render.conformity.AssessmentDocument.how;
import static dev.tandem.render.conformity.AssessmentDocument.market;
import static dev.tandem.render.conformity.AssessmentDocument.percent;
import static dev.tandem.render.conformity.AssessmentDocument.routeVerdict;
import static dev.tandem.render.conformity.AssessmentDocument.title;

import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.RegimeResult;
import dev.tandem.conformity.assessment.SbomReferenceResult;
import dev.tandem.render.TextRenderer;
import dev.tandem.render.text.TextTable;
import dev.tandem.usecase.conformity.AssessResult;
import java.io.PrintWriter;

/** An assessment for the terminal: the regimes, each regime's requirements, route, support period, SBOMs and gaps. */
public final class AssessmentTable implements TextRenderer<AssessResult> {

    @Override
    public String mediaType() {
        return "text/plain";
    }

    @Override
    public void render(AssessResult result, PrintWriter out) {
        Assessment a = result.assessment();
        StringBuilder text = new StringBuilder();
        text.append(a.product()).append(a.version() == null ? "" : " " + a.version()).append(" — ").append(a.manufacturer())
                .append(" — markets: ").append(String.join(", ", a.markets())).append("\n\n");
        TextTable regimes = table("REGIME", "MARKET", "COVERAGE", "MET", "PARTIAL", "NOT MET", "N/A", "NOT ASSESSED", "DERIVED");
        for (RegimeResult r : a.regimes()) {
            regimes.row(r.id(), market(r), percent(r.coverage()), count(r, "met"), count(r, "partial"), count(r, "not met"),
                    count(r, "not applicable"), count(r, "not assessed"), count(r, "derived"));
        }
        text.append(regimes.render()).append('\n');
        text.append("CRA class: ").append(classText(a)).append('\n');
        a.classification().findings().forEach(f -> text.append("  FINDING: ").append(f).append('\n'));
        a.assessedAgainst().forEach(e -> text.append(e.standard()).append(" assessed against ").append(e.version())
                .append(" (").append(e.basis()).append(")\n"));
        text.append('\n');
        if (!a.contradictions().isEmpty()) {
            text.append("CONTRADICTIONS (").append(a.contradictions().size()).append("): the profile's evidence cannot all be true\n");
            TextTable contradictions = table("REGIME", "REQUIREMENT", "ASSESSED", "IMPLIED", "MAPPING", "BECAUSE");
            a.contradictions().forEach(c -> contradictions.row(c.regime(), c.requirement(), c.assessed().label(),
                    c.implied().label(), c.mapping(), c.explanation()));
            text.append(contradictions.render()).append('\n');
        }
        for (RegimeResult r : a.regimes()) {
            text.append(r.id()).append(" — ").append(r.title()).append(r.version() == null ? "" : " (" + r.version() + ")").append('\n');
            TextTable requirements = table("ID", "STATUS", "HOW", "TITLE");
            r.requirements().forEach(q -> requirements.row(q.id(), q.status().label(), how(q), title(q)));
            text.append(requirements.render()).append('\n');
        }
        var route = a.conformityRoute();
        text.append("CRA conformity route (").append(route.craClass()).append("): ")
                .append(String.join(" | ", route.allowedRoutes())).append('\n');
        if (route.confidence() != null && route.confidence().needsFlag()) {
            text.append("  (").append(route.confidence().label()).append(": ").append(route.note()).append(")\n");
        }
        text.append("  chosen: ").append(route.chosen() == null ? "(none in profile)" : route.chosen())
                .append(routeVerdict(a)).append('\n');
        text.append("Support period (Art. 13(8)): ").append(a.supportPeriod().compliant() ? "OK — " : "PROBLEM — ")
                .append(a.supportPeriod().finding()).append('\n');
        for (SbomReferenceResult s : a.sbom()) {
            text.append("SBOM: ").append(s.reference() == null ? "" : s.reference() + " — ").append(s.finding()).append('\n');
        }
        text.append('\n').append("Gaps (").append(a.gaps().size()).append("):\n");
        TextTable gaps = table("REGIME", "REQUIREMENT", "STATUS", "MISSING");
        a.gaps().forEach(g -> gaps.row(g.regime(), g.requirement(), g.status().label(), g.missing()));
        text.append(gaps.render());
        text.append('\n').append(CatalogStamp.line(result.fingerprint())).append('\n');
        out.print(text);
    }

    private static TextTable table(String... headers) {
        return TextTable.of(headers).withRule().cutCellsAt(70);
    }
}
