package dev.tandem.usecase.scan;

import dev.tandem.advisory.cvss.Rating;
import dev.tandem.match.Finding;

/**
 * The levels at which a scan counts as failed, from strictest to loosest. A known-exploited finding
 * is at or above every level: it starts the CRA's 24-hour clock whatever its CVSS rating.
 */
public enum FailThreshold {
    KEV, CRITICAL, HIGH, MEDIUM, LOW, ANY;

    public boolean isMetBy(Finding finding) {
        if (finding.knownExploited() || this == ANY) {
            return true;
        }
        Rating rating = finding.rating();
        return switch (this) {
            case KEV -> false;
            case CRITICAL -> rating.isAtLeast(Rating.CRITICAL);
            case HIGH -> rating.isAtLeast(Rating.HIGH);
            case MEDIUM -> rating.isAtLeast(Rating.MEDIUM);
            case LOW -> rating.isAtLeast(Rating.LOW);
            case ANY -> true;
        };
    }
}
