package dev.tandem.sbom;

/**
 * How a component relates to the SBOM's subject, derived from the dependency graph: DIRECT if the
 * subject depends on it, TRANSITIVE if reachable only through other components, UNKNOWN when the
 * document has no graph (or the component is not reachable from the subject).
 */
public enum DependencyKind {
    DIRECT, TRANSITIVE, UNKNOWN
}
