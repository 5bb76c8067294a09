package dev.tandem.pqc.inventory;

import java.util.List;

/** An ordinary (non-cryptographic-asset) component; a crypto library among them is weaker evidence. */
public record SoftwareComponent(String source, String pointer, String bomRef, String name, String group,
        String version, String purl, List<String> provides) {

    public SoftwareComponent {
        provides = provides == null ? List.of() : List.copyOf(provides);
    }
}
