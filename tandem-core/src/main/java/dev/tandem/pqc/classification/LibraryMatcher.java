package dev.tandem.pqc.classification;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import dev.tandem.pqc.catalog.CryptoLibrary;
import dev.tandem.pqc.catalog.PqcCatalog;
import dev.tandem.pqc.inventory.SoftwareComponent;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Recognises the crypto libraries of {@code libraries.yaml} by component name or purl. */
final class LibraryMatcher {

    private final List<CryptoLibrary> libraries;

    LibraryMatcher(PqcCatalog catalog) {
        this.libraries = catalog.libraries();
    }

    Optional<CryptoLibrary> match(SoftwareComponent component) {
        String purlType = null;
        String purlName = null;
        if (component.purl() != null) {
            try {
                PackageURL purl = new PackageURL(component.purl());
                purlType = purl.getType();
                purlName = purl.getNamespace() != null && "golang".equals(purlType)
                        ? purl.getNamespace() + "/" + purl.getName() : purl.getName();
            } catch (MalformedPackageURLException e) {
                // A malformed purl still leaves the component name to match on.
            }
        }
        for (CryptoLibrary library : libraries) {
            for (String entry : library.names()) {
                int colon = entry.indexOf(':');
                String type = colon > 0 ? entry.substring(0, colon) : null;
                String name = (colon > 0 ? entry.substring(colon + 1) : entry).toLowerCase(Locale.ROOT);
                if (type == null && name.equalsIgnoreCase(component.name())) {
                    return Optional.of(library);
                }
                if (purlName != null && name.equalsIgnoreCase(purlName) && (type == null || type.equals(purlType))) {
                    return Optional.of(library);
                }
            }
        }
        return Optional.empty();
    }
}
