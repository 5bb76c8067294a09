package dev.tandem.usecase.scan;

import dev.tandem.version.InvalidVersionException;
import dev.tandem.version.VersionSchemes;

/**
 * A request the versions use cases cannot answer: an ecosystem whose ordering Tandem does not know
 * (the message lists the ones it does), or a version the ecosystem's own tool would reject (the
 * message quotes it).
 */
public final class VersionArgumentException extends Exception {

    private VersionArgumentException(String message, Throwable cause) {
        super(message, cause);
    }

    static VersionArgumentException unsupportedEcosystem(String ecosystem) {
        return new VersionArgumentException("no version ordering is known for ecosystem \"" + ecosystem + "\"; supported: "
                + String.join(", ", VersionSchemes.supportedEcosystems()), null);
    }

    static VersionArgumentException invalidVersion(InvalidVersionException e) {
        return new VersionArgumentException(e.getMessage(), e);
    }
}
