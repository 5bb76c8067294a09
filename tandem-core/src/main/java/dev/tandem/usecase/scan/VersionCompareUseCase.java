package dev.tandem.usecase.scan;

import dev.tandem.version.InvalidVersionException;
import dev.tandem.version.VersionScheme;

/** Orders two versions the way the ecosystem's own tool does. */
public final class VersionCompareUseCase {

    /**
     * @throws VersionArgumentException when no ordering is known for the ecosystem, or its tool would
     *                                   reject a version (the message quotes it)
     */
    public VersionCompareResult run(VersionCompareRequest request) throws VersionArgumentException {
        VersionScheme scheme = VersionSortUseCase.scheme(request.ecosystem());
        try {
            int order = scheme.parse(request.a()).compareTo(scheme.parse(request.b()));
            return new VersionCompareResult(request.ecosystem(), request.a(), request.b(), order);
        } catch (InvalidVersionException e) {
            throw VersionArgumentException.invalidVersion(e);
        }
    }
}
