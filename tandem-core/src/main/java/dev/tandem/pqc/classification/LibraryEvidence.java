package dev.tandem.pqc.classification;

import dev.tandem.pqc.Classification;
import dev.tandem.pqc.catalog.CryptoLibrary;
import dev.tandem.pqc.catalog.PqcCatalog;
import dev.tandem.pqc.catalog.Source;
import dev.tandem.pqc.inventory.CryptoInventory;
import dev.tandem.pqc.inventory.SoftwareComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A crypto library named in an ordinary SBOM, turned into an asset that says it is weaker evidence. */
final class LibraryEvidence {

    private final PqcCatalog catalog;
    private final LibraryMatcher matcher;

    LibraryEvidence(PqcCatalog catalog) {
        this.catalog = catalog;
        this.matcher = new LibraryMatcher(catalog);
    }

    Optional<ClassifiedAsset> of(CryptoInventory inventory, SoftwareComponent component) {
        return matcher.match(component).map(library -> libraryEvidence(inventory, component, library));
    }

    private ClassifiedAsset libraryEvidence(CryptoInventory inventory, SoftwareComponent component, CryptoLibrary library) {
        boolean vulnerable = library.classification() == Classification.QUANTUM_VULNERABLE;
        List<String> notes = new ArrayList<>();
        notes.add("weaker evidence: the SBOM names " + library.label() + ", not the algorithms the product uses; "
                + (vulnerable ? "RSA/ECDH/ECDSA are assumed (earliest NIST IR 8547 date); " : "")
                + "a CBOM would confirm");
        List<Source> sources = new ArrayList<>();
        sources.add(catalog.source("crypto-library-role"));
        if (library.pqcSince() != null) {
            Source pqcSource = catalog.source(library.pqcSource());
            sources.add(pqcSource);
            if (component.version() != null && VersionText.atLeast(component.version(), library.pqcSince())) {
                notes.add("version " + component.version() + " ships ML-KEM/ML-DSA (" + library.label() + " "
                        + library.pqcSince() + " or later, " + pqcSource.cite() + "): switch them on");
            } else {
                notes.add(library.label() + " ships ML-KEM/ML-DSA from " + library.pqcSince() + " (" + pqcSource.cite()
                        + "); this SBOM names " + (component.version() == null ? "no version" : "version " + component.version()));
            }
        }
        String name = component.group() == null ? component.name() : component.group() + ":" + component.name();
        return new ClassifiedAsset(inventory.product().label(), inventory.source(), component.pointer(),
                component.bomRef(), name + (component.version() == null ? "" : " " + component.version()), "library",
                Evidence.SBOM_LIBRARY, library.label(), component.version(), vulnerable ? "crypto-library" : "symmetric-encryption",
                library.classification(), vulnerable ? "112" : null, false, false, false, vulnerable ? 0 : null,
                library.label() + " offers " + library.offers(), null, sources, notes);
    }

}
