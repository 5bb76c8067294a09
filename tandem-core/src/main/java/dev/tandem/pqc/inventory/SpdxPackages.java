package dev.tandem.pqc.inventory;

import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packages of an SPDX 2.x JSON document, as ordinary components (library evidence only). */
final class SpdxPackages {

    private final String source;
    private final BomJson bom;

    SpdxPackages(String source, BomJson bom) {
        this.source = source;
        this.bom = bom;
    }

    CryptoInventory inventory() throws InputException {
        List<SoftwareComponent> components = new ArrayList<>();
        List<BomJson.SpdxPackage> packages = bom.packages() == null ? List.of() : bom.packages();
        for (int i = 0; i < packages.size(); i++) {
            BomJson.SpdxPackage p = packages.get(i);
            if (p == null || p.name() == null) {
                throw new InputException(source, InputPosition.pointer("/packages/" + i), "an SPDX package needs a \"name\"");
            }
            components.add(new SoftwareComponent(source, "/packages/" + i, p.spdxId(), p.name(), null, p.versionInfo(),
                    purlOf(p), List.of()));
        }
        String name = bom.name() == null ? Path.of(source).getFileName().toString() : bom.name();
        return new CryptoInventory(source, DocumentKind.SPDX_SBOM, new Product(name, null), List.of(), components, Map.of());
    }

    private static String purlOf(BomJson.SpdxPackage p) {
        if (p.externalRefs() == null) {
            return null;
        }
        for (BomJson.SpdxRef ref : p.externalRefs()) {
            if (ref != null && "purl".equals(ref.referenceType())) {
                return ref.referenceLocator();
            }
        }
        return null;
    }
}
