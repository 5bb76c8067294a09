package dev.tandem.pqc.catalog;

/** A sector that selects sector-specific milestones (EU high-risk, CNSA 2.0 categories). */
public record Sector(String id, String label) {
}
