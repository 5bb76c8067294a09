package dev.tandem.advisory;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One assertion that a CVE is actively exploited, by one catalogue. KEV entries carry no package
 * coordinates; they reach components only through the alias graph. {@code dueDate} is CISA's
 * remediation date for US federal agencies (null for the EU list).
 */
public record KevEntry(String cveId, KevCatalog catalog, LocalDate dateAdded, LocalDate dueDate,
        boolean knownRansomwareUse, String vendor, String product, String name, String source) {

    public KevEntry {
        Objects.requireNonNull(cveId, "cveId");
        Objects.requireNonNull(catalog, "catalog");
        vendor = vendor == null ? "" : vendor;
        product = product == null ? "" : product;
        name = name == null ? "" : name;
        source = source == null ? "" : source;
    }
}
