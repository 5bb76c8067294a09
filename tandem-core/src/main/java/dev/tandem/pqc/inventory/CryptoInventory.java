package dev.tandem.pqc.inventory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one document says about a product's cryptography; every crypto ref in it resolves. */
public record CryptoInventory(String source, DocumentKind kind, Product product, List<CryptoAsset> assets,
        List<SoftwareComponent> components, Map<String, CryptoAsset> assetsByRef) {

    public CryptoInventory {
        assets = List.copyOf(assets);
        components = List.copyOf(components);
        assetsByRef = Map.copyOf(assetsByRef);
    }

    /** The crypto asset with this bom-ref. */
    public Optional<CryptoAsset> asset(String bomRef) {
        return Optional.ofNullable(bomRef == null ? null : assetsByRef.get(bomRef));
    }
}
