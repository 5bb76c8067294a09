package dev.tandem.usecase.conformity;

import dev.tandem.conformity.assessment.SbomInput;
import dev.tandem.input.InputException;
import dev.tandem.sbom.quality.SbomFactsReader;
import dev.tandem.usecase.Provenance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns the SBOM documents of a request into the facts the assessor takes, each parsed once. */
final class ReferencedSboms {

    private ReferencedSboms() {
    }

    /** The profile and each SBOM found for it, as inputs of a document (an unreadable one by its reference only). */
    static List<Provenance.Input> inputs(ProfileInput profile, Map<String, ReferencedSbom> sboms) {
        List<Provenance.Input> inputs = new ArrayList<>();
        inputs.add(profile.input());
        sboms.forEach((reference, sbom) -> inputs.add(switch (sbom) {
            case ReferencedSbom.Found found -> Provenance.Input.of(reference, "SBOM referenced by the profile", found.document());
            case ReferencedSbom.Unreadable unreadable -> Provenance.Input.named("SBOM referenced by the profile (unreadable)", reference);
        }));
        return inputs;
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
