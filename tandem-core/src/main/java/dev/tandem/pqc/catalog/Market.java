package dev.tandem.pqc.catalog;

/** A market whose programmes set dates ({@code eu}, {@code us}). */
public record Market(String id, String label) {
}
