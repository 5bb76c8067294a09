package dev.tandem.render.conformity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.conformity.assessment.Assessment;
import dev.tandem.conformity.assessment.Contradiction;
import dev.tandem.conformity.assessment.EditionChoice;
import dev.tandem.conformity.assessment.Derivation;
import dev.tandem.conformity.assessment.Gap;
import dev.tandem.conformity.assessment.RegimeResult;
import dev.tandem.conformity.assessment.RequirementResult;
import dev.tandem.conformity.assessment.RouteResult;
import dev.tandem.conformity.assessment.SbomReferenceResult;
import dev.tandem.conformity.assessment.SupportPeriodResult;
import dev.tandem.conformity.classification.Category;
import dev.tandem.conformity.classification.Classification;
import dev.tandem.render.TextRenderer;
import dev.tandem.usecase.conformity.AssessResult;
import java.io.PrintWriter;
import java.util.List;

/**
 * An assessment as JSON (docs/schemas/assessment.schema.json). Fields are chosen here one by one, in
 * the order and with the names they have always had; absent values are left out, except
 * {@code derivedFrom}, which is {@code null} for a requirement assessed directly.
 */
public final class AssessmentJson implements TextRenderer<AssessResult> {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public void render(AssessResult result, PrintWriter out) {
        Assessment a = result.assessment();
        ObjectNode doc = NODES.objectNode();
        put(doc, "product", a.product());
        put(doc, "version", a.version());
        put(doc, "manufacturer", a.manufacturer());
        strings(doc, "markets", a.markets());
        ArrayNode regimes = doc.putArray("regimes");
        a.regimes().forEach(r -> regimes.add(regime(r)));
        ArrayNode gaps = doc.putArray("gaps");
        a.gaps().forEach(g -> gaps.add(gap(g)));
        ArrayNode contradictions = doc.putArray("contradictions");
        a.contradictions().forEach(c -> contradictions.add(contradiction(c)));
        ArrayNode editions = doc.putArray("assessedAgainst");
        for (EditionChoice e : a.assessedAgainst()) {
            ObjectNode item = editions.addObject();
            put(item, "standard", e.standard());
            put(item, "catalog", e.catalog());
            put(item, "version", e.version());
            put(item, "basis", e.basis());
        }
        doc.set("classification", classification(a.classification()));
        doc.set("conformityRoute", route(a.conformityRoute()));
        doc.set("supportPeriod", supportPeriod(a.supportPeriod()));
        ArrayNode sboms = doc.putArray("sbom");
        a.sbom().forEach(s -> sboms.add(sbom(s)));
        strings(doc, "warnings", a.warnings());
        doc.set("catalog", CatalogStamp.json(result.fingerprint()));
        PrettyJson.print(doc, out);
    }

    private static ObjectNode regime(RegimeResult r) {
        ObjectNode node = NODES.objectNode();
        put(node, "id", r.id());
        put(node, "title", r.title());
        put(node, "market", r.market());
        node.put("coverage", r.coverage());
        put(node, "version", r.version());
        ObjectNode counts = node.putObject("counts");
        r.counts().forEach(counts::put);
        ArrayNode requirements = node.putArray("requirements");
        r.requirements().forEach(q -> requirements.add(requirement(q)));
        return node;
    }

    private static ObjectNode requirement(RequirementResult q) {
        ObjectNode node = NODES.objectNode();
        put(node, "id", q.id());
        put(node, "title", q.title());
        put(node, "status", q.status().label());
        Derivation d = q.derivedFrom();
        if (d == null) {
            node.putNull("derivedFrom");
        } else {
            ObjectNode derived = node.putObject("derivedFrom");
            put(derived, "catalog", d.catalog());
            strings(derived, "requirements", d.requirements());
            put(derived, "mapping", d.mapping());
            put(derived, "relationship", d.relationship() == null ? null : d.relationship().label());
            derived.put("carriesMet", d.carriesMet());
            derived.put("carriesNotMet", d.carriesNotMet());
            put(derived, "rationale", d.rationale());
        }
        put(node, "justification", q.justification());
        strings(node, "evidence", q.evidence());
        put(node, "confidence", q.confidence() == null ? null : q.confidence().label());
        return node;
    }

    private static ObjectNode gap(Gap g) {
        ObjectNode node = NODES.objectNode();
        put(node, "regime", g.regime());
        put(node, "requirement", g.requirement());
        put(node, "title", g.title());
        put(node, "status", g.status().label());
        put(node, "missing", g.missing());
        return node;
    }

    private static ObjectNode route(RouteResult r) {
        ObjectNode node = NODES.objectNode();
        put(node, "craClass", r.craClass());
        put(node, "title", r.title());
        strings(node, "allowedRoutes", r.allowedRoutes());
        put(node, "chosen", r.chosen());
        if (r.chosenAllowed() != null) {
            node.put("chosenAllowed", r.chosenAllowed());
        }
        put(node, "chosenFinding", r.chosenFinding());
        put(node, "note", r.note());
        put(node, "source", r.source());
        put(node, "confidence", r.confidence() == null ? null : r.confidence().label());
        put(node, "basis", r.basis());
        return node;
    }

    private static ObjectNode contradiction(Contradiction c) {
        ObjectNode node = NODES.objectNode();
        put(node, "regime", c.regime());
        put(node, "requirement", c.requirement());
        put(node, "assessed", c.assessed().label());
        put(node, "implied", c.implied().label());
        put(node, "mapping", c.mapping());
        put(node, "relationship", c.relationship().label());
        put(node, "evidenceCatalog", c.evidenceCatalog());
        strings(node, "evidenceRequirements", c.evidenceRequirements());
        put(node, "explanation", c.explanation());
        return node;
    }

    private static ObjectNode classification(Classification c) {
        ObjectNode node = NODES.objectNode();
        put(node, "craClass", c.craClass().label());
        put(node, "statedClass", c.statedClass() == null ? null : c.statedClass().label());
        node.put("derived", c.derived());
        put(node, "basis", c.basis());
        ArrayNode categories = node.putArray("categories");
        for (Category k : c.categories()) {
            ObjectNode item = categories.addObject();
            put(item, "id", k.id());
            put(item, "title", k.title());
            put(item, "craClass", k.craClass().label());
            put(item, "source", k.source());
            put(item, "confidence", k.confidence() == null ? null : k.confidence().label());
            put(item, "description", k.description());
            put(item, "descriptionSource", k.descriptionSource());
            put(item, "descriptionConfidence", k.descriptionConfidence() == null ? null : k.descriptionConfidence().label());
            put(item, "note", k.note());
        }
        strings(node, "findings", c.findings());
        put(node, "source", c.source());
        return node;
    }

    private static ObjectNode supportPeriod(SupportPeriodResult s) {
        ObjectNode node = NODES.objectNode();
        put(node, "placedOnMarket", s.placedOnMarket() == null ? null : s.placedOnMarket().toString());
        put(node, "end", s.end() == null ? null : s.end().toString());
        if (s.months() != null) {
            node.put("months", s.months());
        }
        node.put("compliant", s.compliant());
        put(node, "finding", s.finding());
        put(node, "source", s.source());
        return node;
    }

    private static ObjectNode sbom(SbomReferenceResult s) {
        ObjectNode node = NODES.objectNode();
        put(node, "reference", s.reference());
        put(node, "format", s.format());
        node.put("found", s.found());
        put(node, "finding", s.finding());
        ArrayNode checks = node.putArray("checks");
        for (SbomReferenceResult.SbomCheck c : s.checks()) {
            ObjectNode check = checks.addObject();
            put(check, "profile", c.profile());
            check.put("passed", c.passed());
            strings(check, "violations", c.violations());
        }
        return node;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void strings(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }
}
