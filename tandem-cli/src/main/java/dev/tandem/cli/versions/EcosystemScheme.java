package dev.tandem.cli.versions;

import dev.tandem.cli.exit.UsageException;
import dev.tandem.version.VersionScheme;
import dev.tandem.version.VersionSchemes;

/** Resolves the {@code --ecosystem} option to a version scheme, or explains which names exist. */
final class EcosystemScheme {

    private EcosystemScheme() {
    }

    static VersionScheme resolve(String ecosystem) {
        return VersionSchemes.forEcosystem(ecosystem).orElseThrow(() -> new UsageException(
                "no version ordering is known for ecosystem \"" + ecosystem + "\"; supported: "
                        + String.join(", ", VersionSchemes.supportedEcosystems())));
    }
}
