package dev.tandem.usecase.conformity;

/** Asks for every requirement catalog and crosswalk of the knowledge base; it has no parameters yet. */
public record CatalogListRequest() {
}
