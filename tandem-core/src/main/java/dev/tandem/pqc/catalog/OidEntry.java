package dev.tandem.pqc.catalog;

/** An object identifier that names an algorithm family (and possibly its parameter) when the name does not. */
public record OidEntry(String oid, String family, String parameter) {
}
