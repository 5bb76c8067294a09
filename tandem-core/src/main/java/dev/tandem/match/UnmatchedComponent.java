package dev.tandem.match;

import dev.tandem.sbom.Component;

/** A component that could not be matched against any advisory, and why; listed, never dropped. */
public record UnmatchedComponent(Component component, String reason) {
}
