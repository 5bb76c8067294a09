package dev.tandem.pqc.inventory;

/** One cryptographic asset of a CBOM, by CycloneDX {@code assetType}. */
public sealed interface CryptoAsset permits AlgorithmAsset, CertificateAsset, KeyMaterialAsset, ProtocolAsset {

    AssetOrigin origin();

    String name();

    /** The CycloneDX assetType: algorithm, certificate, related-crypto-material or protocol. */
    String assetType();
}
