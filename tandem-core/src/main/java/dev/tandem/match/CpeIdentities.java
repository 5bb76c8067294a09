package dev.tandem.match;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.tandem.cpe.CpeName;
import dev.tandem.cpe.CpePart;
import dev.tandem.cpe.CpeValue;
import dev.tandem.cpe.MalformedCpeException;
import dev.tandem.sbom.Component;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A component's CPE (docs/matching.md#cpe-identity). The SBOM's CPE when it gives one, in either
 * binding, with the component's version filled in when the CPE leaves it unstated. Without one,
 * a CPE is inferred, conservatively and never silently (every finding says it was inferred and how),
 * only for components no OSV database can name — no purl, or a purl type without an OSV ecosystem
 * ({@code generic}), or a source-repository purl ({@code github}, {@code gitlab},
 * {@code bitbucket}) — and only by two rules:
 *
 * <ol>
 *   <li>the component's name (or its purl's name) is in Tandem's table of firmware components
 *       ({@code cpe-products.tsv}): {@code busybox} is {@code a:busybox:busybox};</li>
 *   <li>its supplier (or its purl's namespace) and its name are, as written, a vendor and product
 *       the loaded records name as vulnerable.</li>
 * </ol>
 *
 * A component of a package ecosystem ({@code pkg:cargo/openssl}, the Rust crate) never gets a CPE
 * from its name: the name belongs to that ecosystem, not to NVD's products.
 */
final class CpeIdentities {

    private static final Set<String> SOURCE_REPOSITORY_TYPES = Set.of("github", "gitlab", "bitbucket");

    private CpeIdentities() {
    }

    static CpeIdentity of(Component component, ComponentIdentity packageIdentity, CpeIndex index) {
        if (!component.cpe().isBlank()) {
            return given(component);
        }
        PackageURL purl = purl(component);
        String type = purl == null ? "" : purl.getType().toLowerCase(Locale.ROOT);
        if (packageIdentity instanceof ComponentIdentity.Known && !SOURCE_REPOSITORY_TYPES.contains(type)) {
            return new CpeIdentity.None("");
        }
        String version = version(component, purl);
        Set<String> names = new LinkedHashSet<>();
        if (!component.name().isBlank()) {
            names.add(component.name().strip());
        }
        if (purl != null && purl.getName() != null) {
            names.add(purl.getName());
        }
        if (names.isEmpty()) {
            return new CpeIdentity.None("no name to infer a CPE from");
        }
        List<CpeName> inferred = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        for (String name : names) {
            List<CpeProducts.Product> products = CpeProducts.forName(name);
            for (CpeProducts.Product product : products) {
                inferred.add(product.withVersion(version));
            }
            if (!products.isEmpty()) {
                rules.add("name \"" + name + "\" in Tandem's table of firmware components");
                break;
            }
        }
        if (inferred.isEmpty()) {
            List<String> vendors = new ArrayList<>();
            if (!component.supplier().isBlank()) {
                vendors.add(component.supplier().strip());
            }
            if (purl != null && purl.getNamespace() != null) {
                vendors.add(purl.getNamespace());
            }
            for (String vendor : vendors) {
                String vendorKey = vendor.toLowerCase(Locale.ROOT).replace(' ', '_');
                for (String name : names) {
                    String productKey = name.toLowerCase(Locale.ROOT).replace(' ', '_');
                    for (CpePart part : List.of(CpePart.APPLICATION, CpePart.OPERATING_SYSTEM)) {
                        if (!index.lookup(CpeProducts.key(part, vendorKey, productKey)).isEmpty()) {
                            inferred.add(CpeName.of(part, vendorKey, productKey, version));
                        }
                    }
                    if (!inferred.isEmpty()) {
                        rules.add("supplier \"" + vendor + "\" and name \"" + name + "\", a vendor and product NVD names");
                        break;
                    }
                }
                if (!inferred.isEmpty()) {
                    break;
                }
            }
        }
        if (inferred.isEmpty()) {
            return new CpeIdentity.None("no CPE, and its name is not one Tandem infers a CPE from");
        }
        if (version.isEmpty()) {
            return new CpeIdentity.None("no CPE, and no version to give the one its name suggests");
        }
        return new CpeIdentity.Inferred(inferred, String.join("; ", rules));
    }

    private static CpeIdentity given(Component component) {
        CpeName name;
        try {
            name = CpeName.parse(component.cpe());
        } catch (MalformedCpeException e) {
            return new CpeIdentity.None("malformed CPE \"" + shorten(component.cpe()) + "\": " + e.problem());
        }
        if (!name.vendor().isValue() || !name.product().isValue() || name.part() == CpePart.ANY) {
            return new CpeIdentity.None("the CPE \"" + shorten(component.cpe())
                    + "\" names no part, vendor or product to match");
        }
        if (name.version().isAny() && !component.version().isBlank()) {
            name = name.withVersion(CpeValue.of(component.version().strip()), name.update());
        }
        return new CpeIdentity.Given(name);
    }

    private static PackageURL purl(Component component) {
        if (component.purl().isBlank()) {
            return null;
        }
        try {
            return new PackageURL(component.purl().strip());
        } catch (MalformedPackageURLException e) {
            return null;
        }
    }

    /** The component's version, else its purl's; a {@code v} before a digit dropped (tags). */
    private static String version(Component component, PackageURL purl) {
        String version = component.version().strip();
        if (version.isEmpty() && purl != null && purl.getVersion() != null) {
            version = purl.getVersion().strip();
        }
        if (version.length() > 1 && (version.charAt(0) == 'v' || version.charAt(0) == 'V')
                && Character.isDigit(version.charAt(1))) {
            version = version.substring(1);
        }
        return version;
    }

    private static String shorten(String text) {
        return text.length() <= 100 ? text : text.substring(0, 100) + "...";
    }
}
