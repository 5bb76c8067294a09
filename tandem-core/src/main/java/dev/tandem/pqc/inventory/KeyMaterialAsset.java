package dev.tandem.pqc.inventory;

/** Keys and other related crypto material (assetType {@code related-crypto-material}). */
public record KeyMaterialAsset(AssetOrigin origin, String name, String oid, String materialType,
        String algorithmRef, Integer size, String securedByAlgorithmRef) implements CryptoAsset {

    @Override
    public String assetType() {
        return "related-crypto-material";
    }
}
