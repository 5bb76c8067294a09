package dev.tandem.sbom.quality;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an SBOM says, reduced to which quality fields are present: document-level fields, and per
 * component the fields it carries. {@code undeterminable} lists field ids Tandem cannot read for this
 * format (they are reported as unverifiable, never as present).
 */
public record SbomFacts(String source, String format, String specVersion, Set<String> documentFields,
        List<ComponentFacts> components, Set<String> undeterminable, Map<String, String> notes) {

    public SbomFacts {
        documentFields = Set.copyOf(documentFields);
        components = List.copyOf(components);
        undeterminable = Set.copyOf(undeterminable);
        notes = Map.copyOf(notes);
    }

    /** One component: a label for messages and the field ids it carries. */
    public record ComponentFacts(String label, Set<String> fields) {
        public ComponentFacts {
            fields = Set.copyOf(fields);
        }
    }
}
