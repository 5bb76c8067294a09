package dev.tandem.pqc.inventory;

/** A cryptographic algorithm the product uses (assetType {@code algorithm}). */
public record AlgorithmAsset(AssetOrigin origin, String name, String oid, AlgorithmProperties properties)
        implements CryptoAsset {

    @Override
    public String assetType() {
        return "algorithm";
    }
}
