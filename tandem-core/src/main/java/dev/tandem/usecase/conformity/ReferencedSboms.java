package dev.tandem.usecase.conformity;

import dev.tandem.conformity.assessment.SbomInput;
import dev.tandem.input.InputException;
import dev.tandem.sbom.quality.SbomFactsReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the SBOM documents of a request into the facts the assessor takes, each parsed once. */
final class ReferencedSboms {

    private ReferencedSboms() {
    }

    /** A document that does not parse is an unreadable SBOM, a finding of the assessment rather than an error. */
    static Map<String, SbomInput> facts(Map<String, ReferencedSbom> sboms) {
        Map<String, SbomInput> facts = new LinkedHashMap<>();
        sboms.forEach((reference, sbom) -> facts.put(reference, switch (sbom) {
            case ReferencedSbom.Unreadable unreadable -> new SbomInput.Unreadable(unreadable.problem());
            case ReferencedSbom.Found found -> parsed(found);
        }));
        return facts;
    }

    private static SbomInput parsed(ReferencedSbom.Found found) {
        try {
            return new SbomInput.Facts(SbomFactsReader.read(found.document()));
        } catch (InputException e) {
            return new SbomInput.Unreadable(e.problem());
        }
    }
}
