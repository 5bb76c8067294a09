package dev.tandem.usecase.scan;

import dev.tandem.version.VersionSchemes;

/** An ecosystem whose version ordering Tandem does not know; the message lists the ones it does. */
public final class UnsupportedEcosystemException extends Exception {

    public UnsupportedEcosystemException(String ecosystem) {
        super("no version ordering is known for ecosystem \"" + ecosystem + "\"; supported: "
                + String.join(", ", VersionSchemes.supportedEcosystems()));
    }
}
