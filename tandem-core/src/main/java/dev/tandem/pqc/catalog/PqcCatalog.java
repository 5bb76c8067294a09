package dev.tandem.pqc.catalog;

import dev.tandem.catalog.Confidence;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.catalog.CatalogFiles;
import dev.tandem.catalog.CatalogSource;
import dev.tandem.input.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The PQC catalog ({@code pqc/} of a {@link CatalogSource}), checked on load so that every
 * entry names a known source and every reference resolves.
 */
public record PqcCatalog(Map<String, Source> sources, List<ParameterRule> curves, List<ParameterRule> fieldSizes,
        List<OidEntry> oids, String oidSource, List<ProtocolVersionRule> protocolVersions, List<AlgorithmFamily> families, Map<String, UseEntry> uses, List<Market> markets, List<Sector> sectors,
        List<String> highRiskSectors, List<String> highRiskUses, String highRiskSource,
        List<ProductMilestone> productMilestones, List<AssetMilestone> assetMilestones,
        List<CryptoLibrary> libraries) {

    private static final String ROOT = "pqc/";
    private static final Set<String> PARAMETER_KINDS = Set.of("none", "parameter-set", "key-size", "curve");
    private static final Set<String> TIERS = Set.of("112", "128", "broken");
    private static volatile PqcCatalog bundled;

    /** The catalog shipped in the jar; read once. */
    public static PqcCatalog bundled() {
        PqcCatalog catalog = bundled;
        if (catalog == null) {
            synchronized (PqcCatalog.class) {
                if (bundled == null) {
                    try {
                        bundled = load(CatalogSource.bundled());
                    } catch (InputException e) {
                        throw new IllegalStateException("the bundled catalog is broken: " + e.getMessage(), e);
                    }
                }
                catalog = bundled;
            }
        }
        return catalog;
    }

    /** Loads and checks the PQC part of {@code source}. */
    public static PqcCatalog load(CatalogSource source) throws InputException {
        try {
            return loadChecked(source);
        } catch (IllegalStateException e) {
            throw CatalogFiles.defect(source, ROOT, e.getMessage());
        }
    }

    private static PqcCatalog loadChecked(CatalogSource from) throws InputException {
        Files yaml = new Files(from);
        JsonNode sourcesDoc = yaml.tree("sources.yaml");
        JsonNode algorithmsDoc = yaml.tree("algorithms.yaml");
        JsonNode replacementsDoc = yaml.tree("replacements.yaml");
        JsonNode milestonesDoc = yaml.tree("milestones.yaml");
        JsonNode librariesDoc = yaml.tree("libraries.yaml");

        Map<String, Source> sources = new LinkedHashMap<>();
        for (Source source : list(yaml, sourcesDoc, "sources", Source.class, "sources.yaml")) {
            require(source.confidence() != null && source.title() != null, "sources.yaml", source.id() + ": title and confidence are required");
            require(sources.put(source.id(), source) == null, "sources.yaml", "duplicate source " + source.id());
        }
        Map<String, UseEntry> uses = new LinkedHashMap<>();
        for (UseEntry use : list(yaml, replacementsDoc, "uses", UseEntry.class, "replacements.yaml")) {
            require(use.replacement() != null && use.cnsa() != null, "replacements.yaml", use.id() + ": replacement and cnsa are required");
            use.sources().forEach(id -> requireSource(sources, id, "replacements.yaml", use.id()));
            uses.put(use.id(), use);
        }
        PqcCatalog catalog = new PqcCatalog(Map.copyOf(sources),
                list(yaml, algorithmsDoc, "curves", ParameterRule.class, "algorithms.yaml"),
                list(yaml, algorithmsDoc, "fieldSizes", ParameterRule.class, "algorithms.yaml"),
                list(yaml, algorithmsDoc, "oids", OidEntry.class, "algorithms.yaml"),
                algorithmsDoc.path("oidSource").asText(null),
                list(yaml, algorithmsDoc, "protocolVersions", ProtocolVersionRule.class, "algorithms.yaml"),
                list(yaml, algorithmsDoc, "families", AlgorithmFamily.class, "algorithms.yaml"),
                Map.copyOf(uses),
                list(yaml, milestonesDoc, "markets", Market.class, "milestones.yaml"),
                list(yaml, milestonesDoc, "sectors", Sector.class, "milestones.yaml"),
                list(yaml, milestonesDoc, "highRiskSectors", String.class, "milestones.yaml"),
                list(yaml, milestonesDoc, "highRiskUses", String.class, "milestones.yaml"),
                milestonesDoc.path("highRiskSource").asText(null),
                list(yaml, milestonesDoc, "productMilestones", ProductMilestone.class, "milestones.yaml"),
                list(yaml, milestonesDoc, "assetMilestones", AssetMilestone.class, "milestones.yaml"),
                list(yaml, librariesDoc, "libraries", CryptoLibrary.class, "libraries.yaml"));
        catalog.check();
        return catalog;
    }

    /** The source with this id; every id in the catalog resolves (checked on load). */
    public Source source(String id) {
        Source source = sources.get(id);
        if (source == null) {
            throw new IllegalArgumentException("no PQC catalog source " + id);
        }
        return source;
    }

    /** The parameter rules a family uses: its own, or the shared curve / field-size tables. */
    public List<ParameterRule> rulesOf(AlgorithmFamily family) {
        if (!family.parameters().isEmpty()) {
            return family.parameters();
        }
        return switch (family.parameter()) {
            case "curve" -> curves;
            case "key-size" -> fieldSizes;
            default -> List.of();
        };
    }

    /** The family with this id. */
    public java.util.Optional<AlgorithmFamily> family(String id) {
        return families.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The catalog entry for this object identifier. */
    public java.util.Optional<OidEntry> oid(String oid) {
        return oid == null ? java.util.Optional.empty() : oids.stream().filter(o -> o.oid().equals(oid.strip())).findFirst();
    }

    public boolean knowsMarket(String id) {
        return markets.stream().anyMatch(m -> m.id().equals(id));
    }

    public boolean knowsSector(String id) {
        return sectors.stream().anyMatch(s -> s.id().equals(id));
    }

    /** The sector called {@code word} (its id or an alias). */
    public java.util.Optional<Sector> sectorCalled(String word) {
        return sectors.stream().filter(s -> s.isCalled(word)).findFirst();
    }

    private void check() {
        Set<String> familyIds = new java.util.HashSet<>();
        List<ParameterRule> allRules = new ArrayList<>(curves);
        allRules.addAll(fieldSizes);
        for (AlgorithmFamily family : families) {
            String where = "family " + family.id();
            require(familyIds.add(family.id()), "algorithms.yaml", "duplicate " + where);
            require(family.classification() != null, "algorithms.yaml", where + ": classification is required");
            require(!family.patterns().isEmpty(), "algorithms.yaml", where + ": patterns are required");
            require(family.reason() != null, "algorithms.yaml", where + ": reason is required");
            require(PARAMETER_KINDS.contains(family.parameter()), "algorithms.yaml", where + ": unknown parameter kind " + family.parameter());
            require(uses.containsKey(family.use()), "algorithms.yaml", where + ": unknown use " + family.use());
            require(family.tier() == null || TIERS.contains(family.tier()), "algorithms.yaml", where + ": unknown tier " + family.tier());
            requireSource(sources, family.source(), "algorithms.yaml", where);
            for (String pattern : family.patterns()) {
                try {
                    Pattern.compile(pattern);
                } catch (PatternSyntaxException e) {
                    throw new IllegalStateException(ROOT + "algorithms.yaml: " + where + ": bad pattern " + pattern, e);
                }
            }
            allRules.addAll(family.parameters());
            if (family.unknownParameter() != null) {
                allRules.add(family.unknownParameter());
            }
        }
        for (ParameterRule rule : allRules) {
            if (rule.source() != null) {
                requireSource(sources, rule.source(), "algorithms.yaml", "parameter " + rule.values());
            }
            require(rule.tier() == null || TIERS.contains(rule.tier()), "algorithms.yaml", "unknown tier " + rule.tier());
        }
        List<ParameterRule> shared = new ArrayList<>(curves);
        shared.addAll(fieldSizes);
        // A curve or key-size range sets the NIST IR 8547 tier, hence a date: it must say where that comes from.
        shared.forEach(rule -> requireSource(sources, rule.source(), "algorithms.yaml",
                "curve or field size " + (rule.values().isEmpty() ? rule.min() + ".." + rule.max() : rule.values())));
        requireSource(sources, oidSource, "algorithms.yaml", "oidSource");
        protocolVersions.forEach(rule -> requireSource(sources, rule.source(), "algorithms.yaml", "protocol " + rule.type()));
        Set<String> oidsSeen = new java.util.HashSet<>();
        for (OidEntry entry : oids) {
            require(familyIds.contains(entry.family()), "algorithms.yaml", "oid " + entry.oid() + ": unknown family " + entry.family());
            require(oidsSeen.add(entry.oid()), "algorithms.yaml", "duplicate oid " + entry.oid());
        }
        Set<String> words = new java.util.HashSet<>();
        for (Sector sector : sectors) {
            require(words.add(sector.id()), "milestones.yaml", "sector word " + sector.id() + " is used twice");
            sector.aliases().forEach(a -> require(words.add(a), "milestones.yaml", "sector word " + a + " is used twice"));
            if (sector.aliasSource() != null) {
                requireSource(sources, sector.aliasSource(), "milestones.yaml", "sector " + sector.id());
            }
        }
        require(highRiskSource != null, "milestones.yaml", "highRiskSource is required");
        requireSource(sources, highRiskSource, "milestones.yaml", "highRiskSource");
        highRiskSectors.forEach(s -> require(knowsSector(s), "milestones.yaml", "unknown high-risk sector " + s));
        highRiskUses.forEach(u -> require(uses.containsKey(u), "milestones.yaml", "unknown high-risk use " + u));
        for (AssetMilestone milestone : assetMilestones) {
            String where = "milestone " + milestone.id();
            require(milestone.isImmediate() || milestone.date() != null, "milestones.yaml", where + ": a date or immediate is required");
            require(!milestone.markets().isEmpty(), "milestones.yaml", where + ": markets are required");
            milestone.markets().forEach(m -> require(knowsMarket(m), "milestones.yaml", where + ": unknown market " + m));
            milestone.sectors().forEach(s -> require(knowsSector(s), "milestones.yaml", where + ": unknown sector " + s));
            milestone.uses().forEach(u -> require(uses.containsKey(u), "milestones.yaml", where + ": unknown use " + u));
            milestone.tiers().forEach(t -> require(TIERS.contains(t), "milestones.yaml", where + ": unknown tier " + t));
            requireSource(sources, milestone.source(), "milestones.yaml", where);
            milestone.caveats().forEach(c -> requireCaveat(c, where));
        }
        for (ProductMilestone milestone : productMilestones) {
            String where = "product milestone " + milestone.id();
            require(milestone.date() != null && knowsMarket(milestone.market()), "milestones.yaml", where + ": date and a known market are required");
            milestone.sectors().forEach(s -> require(knowsSector(s), "milestones.yaml", where + ": unknown sector " + s));
            requireSource(sources, milestone.source(), "milestones.yaml", where);
            milestone.caveats().forEach(c -> requireCaveat(c, where));
        }
        for (CryptoLibrary library : libraries) {
            require(!library.names().isEmpty(), "libraries.yaml", library.id() + ": names are required");
            if (library.pqcSince() != null) {
                requireSource(sources, library.pqcSource(), "libraries.yaml", library.id());
            }
        }
    }

    private void requireCaveat(String id, String where) {
        requireSource(sources, id, "milestones.yaml", where);
        require(sources.get(id).confidence() == Confidence.UNCONFIRMED, "milestones.yaml",
                where + ": caveat " + id + " must be a source tagged U");
    }

    private static void requireSource(Map<String, Source> sources, String id, String file, String where) {
        require(id != null && sources.containsKey(id), file, where + ": unknown or missing source " + id);
    }

    private static void require(boolean condition, String file, String problem) {
        if (!condition) {
            throw new IllegalStateException(ROOT + file + ": " + problem);
        }
    }

    /** The PQC files of one catalog source. */
    private record Files(CatalogSource source) {
        JsonNode tree(String name) throws InputException {
            return CatalogFiles.tree(source, ROOT + name);
        }
    }

    private static <T> List<T> list(Files yaml, JsonNode doc, String field, Class<T> type, String file) throws InputException {
        JsonNode node = doc.path(field);
        require(node.isArray(), file, field + " must be a list");
        List<T> values = CatalogFiles.bind(yaml.source(), ROOT + file, node,
                CatalogFiles.types().constructCollectionType(List.class, type));
        return List.copyOf(values);
    }
}
