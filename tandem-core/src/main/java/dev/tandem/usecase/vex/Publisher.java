package dev.tandem.usecase.vex;

import dev.tandem.input.InputDocument;

/**
 * Who publishes: explicit values win; missing ones come from a product profile's manufacturer (name,
 * website as namespace, e-mail as contact), then from the SBOMs' manufacturer. Every field may be null.
 *
 * @param category CSAF publisher category (vendor, coordinator, discoverer, other, translator, user); vendor by default
 * @param product  a product profile (docs/formats/product-profile.md) to take the manufacturer from, or null
 */
public record Publisher(String name, String namespace, String category, String contact, InputDocument product) {

    /** Nothing given: every value from the SBOMs. */
    public static final Publisher FROM_SBOMS = new Publisher(null, null, null, null, null);
}
