package dev.tandem.pqc.inventory;

import java.util.List;

/**
 * Where an asset was read: the file, its JSON pointer, its bom-ref, and the names and descriptions
 * of the asset and of the components that provide it or depend on it (they tell, for example, that
 * a signature key signs firmware).
 */
public record AssetOrigin(String source, String pointer, String bomRef, List<String> context) {

    public AssetOrigin {
        context = context == null ? List.of() : List.copyOf(context);
    }
}
