package dev.tandem.usecase.scan;

import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.version.InvalidVersionException;
import dev.tandem.version.Version;
import dev.tandem.version.VersionScheme;
import dev.tandem.version.VersionSchemes;
import java.util.ArrayList;
import java.util.List;

/**
 * Sorts versions the way the ecosystem's own tool does. Blank lines are skipped and surrounding
 * whitespace trimmed; a line that is not a version is an {@link InputException} naming its number.
 */
public final class VersionSortUseCase {

    /** The longest line read; a longer one is refused, never parsed (one version per line). */
    public static final int MAX_LINE = 4096;

    /** @throws VersionArgumentException when no ordering is known for the ecosystem */
    public VersionSortResult run(VersionSortRequest request) throws VersionArgumentException, InputException {
        VersionScheme scheme = scheme(request.ecosystem());
        List<Version> versions = new ArrayList<>();
        int number = 0;
        for (String line : request.lines()) {
            number++;
            if (line.length() > MAX_LINE) {
                throw new InputException(request.source(), InputPosition.at(number, 0),
                        "line longer than " + MAX_LINE + " characters; expected one version per line");
            }
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            try {
                versions.add(scheme.parse(text));
            } catch (InvalidVersionException e) {
                throw new InputException(request.source(), InputPosition.at(number, 0), e.getMessage());
            }
        }
        // List.sort is stable, so equal versions keep their input order.
        versions.sort(null);
        return new VersionSortResult(request.ecosystem(), versions.stream().map(Version::text).toList());
    }

    static VersionScheme scheme(String ecosystem) throws VersionArgumentException {
        return VersionSchemes.forEcosystem(ecosystem).orElseThrow(() -> VersionArgumentException.unsupportedEcosystem(ecosystem));
    }
}
