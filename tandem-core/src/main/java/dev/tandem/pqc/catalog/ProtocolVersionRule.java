package dev.tandem.pqc.catalog;

import java.util.List;
import java.util.Locale;

/** Versions of a protocol that are retired whatever their cipher suites (TLS 1.0/1.1, SSL). */
public record ProtocolVersionRule(String type, List<String> versions, String reason, String source) {

    public ProtocolVersionRule {
        versions = versions == null ? List.of() : List.copyOf(versions);
    }

    /** True for this protocol type (case-insensitive) at one of the retired versions. */
    public boolean retires(String protocolType, String version) {
        return protocolType != null && version != null && type.equals(protocolType.toLowerCase(Locale.ROOT))
                && versions.contains(version.strip());
    }
}
