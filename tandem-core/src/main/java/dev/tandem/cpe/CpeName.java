package dev.tandem.cpe;

import java.util.Objects;

/**
 * A CPE 2.3 name as a well-formed name (NISTIR 7695): part and the ten attributes, each ANY, NA or
 * a value in canonical form ({@link CpeValue}). Read from either binding by {@link #parse}: the
 * formatted string ({@code cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:*}) and the URI
 * ({@code cpe:/a:openssl:openssl:1.0.2k}, CPE 2.2, with the packed {@code ~} edition).
 */
public record CpeName(CpePart part, CpeValue vendor, CpeValue product, CpeValue version, CpeValue update,
        CpeValue edition, CpeValue language, CpeValue swEdition, CpeValue targetSw, CpeValue targetHw,
        CpeValue other) {

    public CpeName {
        Objects.requireNonNull(part, "part");
        Objects.requireNonNull(vendor, "vendor");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(swEdition, "swEdition");
        Objects.requireNonNull(targetSw, "targetSw");
        Objects.requireNonNull(targetHw, "targetHw");
        Objects.requireNonNull(other, "other");
    }

    /**
     * Reads a CPE name in the formatted-string binding ({@code cpe:2.3:}, exactly eleven attributes)
     * or the URI binding ({@code cpe:/}, at most seven components). Case is ignored.
     *
     * @throws MalformedCpeException naming what is wrong (unknown prefix, wrong number of attributes,
     *                               an unknown part, a wildcard inside a value, a bad escape)
     */
    public static CpeName parse(String text) throws MalformedCpeException {
        return CpeBindings.parse(text);
    }

    /** A name from part, vendor, product and version (plain text), every other attribute ANY. */
    public static CpeName of(CpePart part, String vendor, String product, String version) {
        return new CpeName(part, CpeValue.of(vendor), CpeValue.of(product), CpeValue.of(version), CpeValue.ANY,
                CpeValue.ANY, CpeValue.ANY, CpeValue.ANY, CpeValue.ANY, CpeValue.ANY, CpeValue.ANY);
    }

    /** The same name with another version and update. */
    public CpeName withVersion(CpeValue newVersion, CpeValue newUpdate) {
        return new CpeName(part, vendor, product, newVersion, newUpdate, edition, language, swEdition, targetSw,
                targetHw, other);
    }

    /**
     * The key names are indexed under: part, vendor and product in canonical form,
     * {@code a:openssl:openssl}; equal for every binding and case of the same product.
     */
    public String productKey() {
        return productKey(part, vendor, product);
    }

    static String productKey(CpePart part, CpeValue vendor, CpeValue product) {
        return part.letter() + ":" + vendor.wfn() + ":" + product.wfn();
    }

    /** {@code vendor:product} as the formatted string writes them ({@code tp-link:archer_c5_\(1.2\)_firmware}). */
    public String vendorProduct() {
        return vendor.formatted() + ":" + product.formatted();
    }

    /** The formatted-string binding, {@code cpe:2.3:} and eleven attributes. */
    public String formatted() {
        StringBuilder text = new StringBuilder(64).append("cpe:2.3:").append(part.letter());
        for (CpeValue value : new CpeValue[] {vendor, product, version, update, edition, language, swEdition,
                targetSw, targetHw, other}) {
            text.append(':').append(value.formatted());
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return formatted();
    }
}
