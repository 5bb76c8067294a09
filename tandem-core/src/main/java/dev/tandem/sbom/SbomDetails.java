package dev.tandem.sbom;

import java.util.List;
import java.util.Map;

/**
 * What a document says beyond the {@link Sbom} model, read in the same parse, for checks of the
 * SBOM's quality: who made the document and when, and per component its contact, file name, licence
 * acknowledgements, properties and references. Format-neutral, so a quality check reads the same
 * record whatever the format; a reader that does not read these fields yet gives no details at all
 * (see {@link SbomDocument#details()}).
 *
 * @param components one entry per {@link Sbom#components()} element, in the same order
 */
public record SbomDetails(Document document, List<ComponentDetails> components) {

    public SbomDetails {
        components = List.copyOf(components);
    }

    /**
     * The document's own making.
     *
     * @param authorNamed          an author, manufacturer or supplier of the SBOM is named (a person or organisation, not a tool)
     * @param creatorContact       an e-mail address or URL for the SBOM's creator is given
     * @param created              when the SBOM was made, as written ("" when not said)
     * @param uri                  the document's unique identifier (CycloneDX serial number, SPDX namespace), "" when not given
     * @param listsVulnerabilities the document carries vulnerability information
     */
    public record Document(boolean authorNamed, boolean creatorContact, String created, String uri,
            boolean listsVulnerabilities) {
    }

    /**
     * One component's details.
     *
     * @param creatorContact   an e-mail address or URL for the component's supplier, manufacturer or author
     * @param fileName         the component's file name ("" when not given)
     * @param concludedLicence a licence is marked as concluded
     * @param declaredLicence  a licence is declared (CycloneDX: any licence not marked concluded)
     * @param properties       name/value properties (CycloneDX {@code properties}; the last of a name wins)
     * @param references       external references: where the source, the deployable form, a security.txt are
     * @param listedInGraph    the document states a dependency relationship for the component: it depends on
     *                         or is depended on by another element, or is declared to have no dependencies
     *                         (CycloneDX {@code dependencies} entry without {@code dependsOn}, SPDX
     *                         {@code DEPENDS_ON NONE}); the one rule for every format
     */
    public record ComponentDetails(boolean creatorContact, String fileName, boolean concludedLicence,
            boolean declaredLicence, Map<String, String> properties, List<Reference> references,
            boolean listedInGraph) {

        public ComponentDetails {
            properties = Map.copyOf(properties);
            references = List.copyOf(references);
        }
    }

    /**
     * An external reference of a component.
     *
     * @param type   the CycloneDX reference type ({@code vcs}, {@code distribution}, {@code rfc-9116}, …); SPDX's
     *               {@code downloadLocation} is a {@code distribution}
     * @param url    where it points
     * @param hashed the reference carries hashes of what it points to
     */
    public record Reference(String type, String url, boolean hashed) {
    }
}
