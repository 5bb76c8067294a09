package dev.tandem.pqc.plan;

import dev.tandem.pqc.Classification;
import dev.tandem.pqc.catalog.AssetMilestone;
import dev.tandem.pqc.catalog.PqcCatalog;
import dev.tandem.pqc.catalog.ProductMilestone;
import dev.tandem.pqc.catalog.Source;
import dev.tandem.pqc.catalog.UseEntry;
import dev.tandem.pqc.classification.AssetClassifier;
import dev.tandem.pqc.classification.ClassifiedAsset;
import dev.tandem.pqc.classification.Evidence;
import dev.tandem.pqc.inventory.CryptoInventory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Classifies the inventories and plans the migration for the chosen markets and sectors. */
public final class PqcPlanner {

    private static final Comparator<PlanItem> BY_DEADLINE = Comparator
            .comparing((PlanItem item) -> item.deadline() == null ? LocalDate.MAX : item.deadline().sortDate())
            .thenComparing(item -> -item.asset().classification().ordinal())
            .thenComparing(item -> item.asset().product() == null ? "" : item.asset().product())
            .thenComparing(item -> item.asset().name());

    private final PqcCatalog catalog;
    private final AssetClassifier classifier;

    public PqcPlanner(PqcCatalog catalog) {
        this.catalog = catalog;
        this.classifier = new AssetClassifier(catalog);
    }

    /** The report for these inventories; unknown markets or sectors are refused. */
    public PqcReport plan(List<CryptoInventory> inventories, PlanScope scope) {
        scope.markets().forEach(m -> {
            if (!catalog.knowsMarket(m)) {
                throw new IllegalArgumentException("unknown market '" + m + "'");
            }
        });
        scope.sectors().forEach(s -> {
            if (!catalog.knowsSector(s)) {
                throw new IllegalArgumentException("unknown sector '" + s + "'");
            }
        });
        List<PlanItem> items = new ArrayList<>();
        Map<String, List<ClassifiedAsset>> byProduct = new LinkedHashMap<>();
        Map<String, Set<String>> sourcesByProduct = new LinkedHashMap<>();
        for (CryptoInventory inventory : inventories) {
            String product = inventory.product().label();
            byProduct.computeIfAbsent(product, k -> new ArrayList<>());
            sourcesByProduct.computeIfAbsent(product, k -> new LinkedHashSet<>()).add(inventory.source());
            for (ClassifiedAsset asset : classifier.classify(inventory)) {
                byProduct.get(product).add(asset);
                items.add(item(asset, scope));
            }
        }
        items.sort(BY_DEADLINE);
        List<ProductReadiness> products = new ArrayList<>();
        byProduct.forEach((product, assets) -> products.add(readiness(product,
                List.copyOf(sourcesByProduct.get(product)), assets, scope)));
        LinkedHashSet<Source> cited = new LinkedHashSet<>();
        for (PlanItem item : items) {
            cited.addAll(item.asset().sources());
            item.milestones().forEach(m -> {
                cited.add(m.source());
                cited.addAll(m.caveats());
            });
        }
        products.forEach(p -> p.milestones().forEach(m -> {
            cited.add(m.source());
            cited.addAll(m.caveats());
        }));
        return new PqcReport(scope, products, items, List.copyOf(cited));
    }

    private PlanItem item(ClassifiedAsset asset, PlanScope scope) {
        List<AppliedMilestone> milestones = new ArrayList<>();
        if (asset.classification() != Classification.UNKNOWN) {
            for (AssetMilestone milestone : catalog.assetMilestones()) {
                for (String market : milestone.markets()) {
                    if (scope.markets().contains(market) && applies(milestone, asset, scope)) {
                        milestones.add(new AppliedMilestone(milestone.id(), market, milestone.date(),
                                milestone.isImmediate(), milestone.label(), catalog.source(milestone.source()),
                                milestone.caveats().stream().map(catalog::source).toList()));
                    }
                }
            }
        }
        milestones.sort(Comparator.comparing(AppliedMilestone::sortDate).thenComparing(AppliedMilestone::market));
        AppliedMilestone deadline = milestones.isEmpty() ? null : milestones.get(0);
        return new PlanItem(asset, replacement(asset, scope), deadline, milestones);
    }

    private boolean applies(AssetMilestone m, ClassifiedAsset asset, PlanScope scope) {
        if (!m.classifications().isEmpty() && !m.classifications().contains(asset.classification())) {
            return false;
        }
        if (!m.tiers().isEmpty() && (asset.tier() == null || !m.tiers().contains(asset.tier()))) {
            return false;
        }
        if (m.broken() != null && m.broken() != asset.broken()) {
            return false;
        }
        if (!m.sectors().isEmpty() && scope.sectors().stream().noneMatch(m.sectors()::contains)) {
            return false;
        }
        if (!m.uses().isEmpty() && !m.uses().contains(asset.use())) {
            return false;
        }
        if (Boolean.TRUE.equals(m.highRisk()) && !highRisk(asset, scope)) {
            return false;
        }
        return !Boolean.TRUE.equals(m.cnsaNonCompliant()) || !asset.cnsaCompliant();
    }

    private boolean highRisk(ClassifiedAsset asset, PlanScope scope) {
        return scope.sectors().stream().anyMatch(catalog.highRiskSectors()::contains)
                || catalog.highRiskUses().contains(asset.use());
    }

    private String replacement(ClassifiedAsset asset, PlanScope scope) {
        Classification classification = asset.classification();
        if (classification == Classification.UNKNOWN) {
            return null;
        }
        boolean cnsa = scope.cnsa();
        if (classification == Classification.QUANTUM_RESISTANT && (!cnsa || asset.cnsaCompliant())) {
            return asset.replacement();
        }
        UseEntry use = asset.use() == null ? null : catalog.uses().get(asset.use());
        if (cnsa && use != null && use.cnsa() != null) {
            // A family's own advice (Kyber -> ML-KEM-768) names general choices; CNSA 2.0 wants its suite.
            return use.cnsa();
        }
        if (asset.replacement() != null) {
            return asset.replacement();
        }
        if (use == null) {
            return null;
        }
        return cnsa ? use.cnsa() : use.replacement();
    }

    private ProductReadiness readiness(String product, List<String> sources, List<ClassifiedAsset> assets, PlanScope scope) {
        int resistant = count(assets, Classification.QUANTUM_RESISTANT);
        int weakened = count(assets, Classification.WEAKENED);
        int vulnerable = count(assets, Classification.QUANTUM_VULNERABLE);
        int unknown = count(assets, Classification.UNKNOWN);
        int classified = resistant + weakened + vulnerable;
        Integer percent = classified == 0 ? null : (int) Math.round(100.0 * resistant / classified);
        boolean libraryOnly = !assets.isEmpty() && assets.stream().allMatch(a -> a.evidence() == Evidence.SBOM_LIBRARY);
        List<AppliedMilestone> milestones = new ArrayList<>();
        for (ProductMilestone m : catalog.productMilestones()) {
            if (scope.markets().contains(m.market())
                    && (m.sectors().isEmpty() || scope.sectors().stream().anyMatch(m.sectors()::contains))) {
                milestones.add(new AppliedMilestone(m.id(), m.market(), m.date(), false, m.label(),
                        catalog.source(m.source()), m.caveats().stream().map(catalog::source).toList()));
            }
        }
        milestones.sort(Comparator.comparing(AppliedMilestone::sortDate));
        return new ProductReadiness(product, sources, resistant, weakened, vulnerable, unknown, percent, libraryOnly, milestones);
    }

    private static int count(List<ClassifiedAsset> assets, Classification classification) {
        return (int) assets.stream().filter(a -> a.classification() == classification).count();
    }
}
