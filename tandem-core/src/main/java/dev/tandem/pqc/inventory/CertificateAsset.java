package dev.tandem.pqc.inventory;

/** A certificate (assetType {@code certificate}) with its resolved-by-ref signature algorithm and key. */
public record CertificateAsset(AssetOrigin origin, String name, String subjectName, String issuerName,
        String notValidAfter, String signatureAlgorithmRef, String subjectPublicKeyRef) implements CryptoAsset {

    @Override
    public String assetType() {
        return "certificate";
    }
}
