package dev.tandem.pqc.inventory;

import java.util.List;

/** A protocol (assetType {@code protocol}): cipher suites, IKEv2 transforms and other crypto refs. */
public record ProtocolAsset(AssetOrigin origin, String name, String protocolType, String version,
        List<CipherSuite> cipherSuites, List<String> cryptoRefs) implements CryptoAsset {

    public ProtocolAsset {
        cipherSuites = cipherSuites == null ? List.of() : List.copyOf(cipherSuites);
        cryptoRefs = cryptoRefs == null ? List.of() : List.copyOf(cryptoRefs);
    }

    @Override
    public String assetType() {
        return "protocol";
    }
}
