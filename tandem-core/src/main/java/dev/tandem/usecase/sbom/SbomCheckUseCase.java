package dev.tandem.usecase.sbom;

import dev.tandem.input.InputException;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomDocument;
import dev.tandem.sbom.quality.QualityChecker;
import dev.tandem.sbom.quality.QualityProfile;
import dev.tandem.sbom.quality.SbomFactsReader;
import dev.tandem.usecase.KnowledgeBase;
import dev.tandem.usecase.Provenance;
import java.util.List;
import java.util.Locale;

/** Checks one SBOM against a quality profile of the knowledge base: coverage per field and every violation. */
public final class SbomCheckUseCase {

    private final KnowledgeBase knowledge;

    public SbomCheckUseCase(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /**
     * Parses the SBOM once and checks it.
     *
     * @throws UnknownProfileException when the profile is not in the knowledge base (checked before the SBOM is read)
     * @throws InputException          when the SBOM or the catalog is unreadable, naming the file and position
     */
    public SbomCheckResult run(SbomCheckRequest request) throws InputException {
        QualityProfile profile = profile(request.profile());
        SbomDocument document = SbomDocument.parse(request.sbom());
        Sbom sbom = document.sbom();
        return new SbomCheckResult(QualityChecker.check(SbomFactsReader.of(document), profile),
                (sbom.format().label() + " " + sbom.specVersion()).strip(), knowledge.fingerprint(), request.at(),
                List.of(), Provenance.of(request.at(), request.at().toString(), knowledge.fingerprint(),
                        List.of(Provenance.Input.of("SBOM", request.sbom()))));
    }

    private QualityProfile profile(String asked) throws InputException {
        String id = asked.strip().toLowerCase(Locale.ROOT);
        List<QualityProfile> profiles = knowledge.sbomProfiles();
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new UnknownProfileException(asked, profiles.stream().map(QualityProfile::id).toList()));
    }
}
