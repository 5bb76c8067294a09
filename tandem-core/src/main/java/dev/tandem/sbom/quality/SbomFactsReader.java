package dev.tandem.sbom.quality;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.sbom.Component;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomDetails;
import dev.tandem.sbom.SbomDocument;
import dev.tandem.sbom.SbomFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds {@link SbomFacts} from one parsed SBOM: components, identifiers, hashes, licences and the
 * dependency graph come from the {@link Sbom} model; the fields the model does not carry (creator,
 * timestamp, serial number, BSI properties, external references, licence acknowledgement) from the
 * document's {@link SbomDetails}. Both are views of the same parse and format-neutral, so the same
 * content gives the same facts in every format. Fields a format cannot express (the BSI properties in
 * SPDX 2.3) are reported as not determinable rather than guessed.
 *
 * <p>The dependency field has one rule for every format and both profiles: a component carries it when
 * the document states a dependency relationship for it ({@link SbomDetails.ComponentDetails#listedInGraph()}).
 * NTIA asks for the "dependency relationship" of each component ("characterizing the relationship that
 * an upstream component X is included in software Y"); BSI TR-03183-2 v2.1.0 §5.2.2 for its
 * "dependencies on other components" with the completeness of the enumeration indicated. Reachability
 * from the product is not required (many real SBOMs never link their graph to the subject).
 */
public final class SbomFactsReader {

    /** Component fields that only the details can tell. */
    private static final List<String> DETAIL_COMPONENT_FIELDS = List.of("creator", "filename", "licence-concluded",
            "executable", "archive", "structured", "source-uri", "deployable-uri", "licence-effective", "source-hash",
            "security-txt");
    private static final List<String> DETAIL_DOCUMENT_FIELDS = List.of("creator", "author", "timestamp", "sbom-uri",
            "no-vulnerabilities");
    /** Component fields SPDX 2.3 has no place for. */
    private static final List<String> NOT_IN_SPDX = List.of("executable", "archive", "structured", "source-uri",
            "licence-effective", "source-hash", "security-txt");

    private SbomFactsReader() {
    }

    /** Reads one SBOM file; for callers that still hold paths. */
    public static SbomFacts read(Path file) throws InputException {
        return read(InputDocument.read(file));
    }

    /** The facts of one SBOM document, parsed from its bytes. */
    public static SbomFacts read(InputDocument doc) throws InputException {
        return of(SbomDocument.parse(doc));
    }

    /** The facts of a document already parsed (and perhaps read for other views too). */
    public static SbomFacts of(SbomDocument document) throws InputException {
        Sbom sbom = document.sbom();
        Optional<SbomDetails> details = document.details();
        Set<String> fieldsOfDocument = new HashSet<>();
        Set<String> undeterminable = new HashSet<>();
        Map<String, String> notes = new HashMap<>();
        if (formatAccepted(sbom)) {
            fieldsOfDocument.add("format-accepted");
        } else {
            notes.put("sbom:format-accepted", sbom.format().label() + " " + sbom.specVersion());
        }
        if (details.isEmpty()) {
            DETAIL_DOCUMENT_FIELDS.forEach(f -> undeterminable.add("sbom:" + f));
            DETAIL_COMPONENT_FIELDS.forEach(f -> undeterminable.add("component:" + f));
            undeterminable.add("component:dependencies");
        } else {
            fieldsOfDocument.addAll(documentFields(details.get().document()));
            if (sbom.format() == SbomFormat.SPDX_JSON || sbom.format() == SbomFormat.SPDX_TAG_VALUE) {
                NOT_IN_SPDX.forEach(f -> undeterminable.add("component:" + f));
            }
        }
        List<SbomFacts.ComponentFacts> components = new ArrayList<>();
        for (int i = 0; i < sbom.components().size(); i++) {
            Component c = sbom.components().get(i);
            Set<String> fields = new HashSet<>();
            boolean onlyConcluded = false;
            if (details.isPresent()) {
                SbomDetails.ComponentDetails d = details.get().components().get(i);
                fields.addAll(componentFields(d));
                onlyConcluded = d.concludedLicence() && !d.declaredLicence();
            }
            if (!c.name().isBlank()) {
                fields.add("name");
            }
            if (!c.version().isBlank()) {
                fields.add("version");
            }
            if (!c.supplier().isBlank()) {
                fields.add("supplier");
            }
            if (!c.purl().isBlank() || !c.cpe().isBlank()) {
                fields.add("unique-id");
            }
            if (c.hashes().stream().anyMatch(h -> normalise(h.algorithm()).equals("SHA512"))) {
                fields.add("hash-sha512");
            }
            // The model holds concluded and declared licences alike; the details tell them apart.
            if (!c.licenses().isEmpty() && !onlyConcluded) {
                fields.add("licence-declared");
            }
            components.add(new SbomFacts.ComponentFacts(c.label().isBlank() ? c.bomRef() : c.label(), fields));
        }
        return new SbomFacts(document.source(), sbom.format().label(), sbom.specVersion(), fieldsOfDocument, components,
                undeterminable, notes);
    }

    private static Set<String> documentFields(SbomDetails.Document d) {
        Set<String> fields = new HashSet<>();
        if (d.creatorContact()) {
            fields.add("creator");
        }
        if (d.authorNamed()) {
            fields.add("author");
        }
        if (!d.created().isBlank()) {
            fields.add("timestamp");
        }
        if (!d.uri().isBlank()) {
            fields.add("sbom-uri");
        }
        if (!d.listsVulnerabilities()) {
            fields.add("no-vulnerabilities");
        }
        return fields;
    }

    private static Set<String> componentFields(SbomDetails.ComponentDetails d) {
        Set<String> fields = new HashSet<>();
        if (d.creatorContact()) {
            fields.add("creator");
        }
        if (!d.fileName().isBlank()) {
            fields.add("filename");
        }
        if (d.concludedLicence()) {
            fields.add("licence-concluded");
        }
        putIfProperty(d.properties(), "bsi:component:executable", "executable", fields);
        putIfProperty(d.properties(), "bsi:component:archive", "archive", fields);
        putIfProperty(d.properties(), "bsi:component:structured", "structured", fields);
        putIfProperty(d.properties(), "bsi:component:effectiveLicense", "licence-effective", fields);
        for (SbomDetails.Reference ref : d.references()) {
            switch (ref.type()) {
                case "vcs", "source-distribution" -> {
                    fields.add("source-uri");
                    if (ref.hashed() && ref.type().equals("source-distribution")) {
                        fields.add("source-hash");
                    }
                }
                case "distribution", "distribution-intake" -> fields.add("deployable-uri");
                case "rfc-9116" -> fields.add("security-txt");
                default -> {
                    if (ref.url().endsWith("security.txt")) {
                        fields.add("security-txt");
                    }
                }
            }
        }
        if (d.listedInGraph()) {
            fields.add("dependencies");
        }
        return fields;
    }

    private static boolean formatAccepted(Sbom sbom) {
        int[] version = versionParts(sbom.specVersion());
        return switch (sbom.format()) {
            case CYCLONEDX_JSON, CYCLONEDX_XML -> compare(version, new int[] {1, 6}) >= 0;
            case SPDX_JSON, SPDX_TAG_VALUE -> compare(version, new int[] {3, 0, 1}) >= 0;
        };
    }

    private static void putIfProperty(Map<String, String> properties, String name, String field, Set<String> fields) {
        String value = properties.get(name);
        if (value != null && !value.isBlank()) {
            fields.add(field);
        }
    }

    private static String normalise(String algorithm) {
        return algorithm.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static int[] versionParts(String version) {
        String[] parts = version.replaceAll("[^0-9.]", "").split("\\.");
        int[] numbers = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            numbers[i] = parts[i].isEmpty() ? 0 : Integer.parseInt(parts[i].length() > 6 ? parts[i].substring(0, 6) : parts[i]);
        }
        return numbers;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int x = i < a.length ? a[i] : 0;
            int y = i < b.length ? b[i] : 0;
            if (x != y) {
                return Integer.compare(x, y);
            }
        }
        return 0;
    }
}
