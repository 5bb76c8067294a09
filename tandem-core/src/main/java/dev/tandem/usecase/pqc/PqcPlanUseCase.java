package dev.tandem.usecase.pqc;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.pqc.catalog.Market;
import dev.tandem.pqc.catalog.PqcCatalog;
import dev.tandem.pqc.catalog.Sector;
import dev.tandem.pqc.inventory.CbomReader;
import dev.tandem.pqc.inventory.CryptoInventory;
import dev.tandem.pqc.plan.PlanScope;
import dev.tandem.pqc.plan.PqcPlanner;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.Provenance;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Reads the cryptographic inventory of each document (each parsed once), classifies every asset against
 * the knowledge base, and plans the migration for the chosen markets and sectors.
 */
public final class PqcPlanUseCase {

    private final KnowledgeBase knowledge;

    public PqcPlanUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /**
     * Makes the plan.
     *
     * @throws UnknownScopeException when a market or sector is unknown, or none is given (checked before any document is read)
     * @throws InputException        when a document or the catalog is unreadable, naming the file and position
     */
    public PqcPlanResult run(PqcPlanRequest request) throws InputException {
        PqcCatalog catalog = knowledge.pqc();
        List<String> markets = catalog.markets().stream().map(Market::id).toList();
        List<String> sectors = catalog.sectors().stream().map(Sector::id).toList();
        // A sector alias (energy) becomes the catalog's sector id; unknown words are left for the check.
        Function<String, String> canonical = word -> catalog.sectorCalled(word).map(Sector::id).orElse(word);
        PlanScope scope = new PlanScope(checked(request.markets(), Function.identity(), markets, "market"),
                checked(request.sectors(), canonical, sectors, "sector"));
        CbomReader reader = new CbomReader();
        List<CryptoInventory> inventories = new ArrayList<>();
        for (InputDocument document : request.documents()) {
            inventories.add(reader.read(document));
        }
        return new PqcPlanResult(new PqcPlanner(catalog).plan(inventories, scope), knowledge.fingerprint(),
                request.on(), List.of(), Provenance.of(request.generatedAt(), request.on().toString(), knowledge.fingerprint(),
                        Provenance.Input.of("CBOM or SBOM", request.documents())));
    }

    private static List<String> checked(List<String> given, Function<String, String> canonical, List<String> known,
            String what) {
        LinkedHashSet<String> values = new LinkedHashSet<>();
        for (String value : given) {
            String v = canonical.apply(value).strip().toLowerCase(Locale.ROOT);
            if (v.isEmpty()) {
                continue;
            }
            if (!known.contains(v)) {
                throw UnknownScopeException.unknown(what, value, known);
            }
            values.add(v);
        }
        if (values.isEmpty()) {
            throw UnknownScopeException.none(what, known);
        }
        return List.copyOf(values);
    }
}
