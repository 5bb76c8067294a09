package dev.tandem.sbom.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.input.InputException;
import dev.tandem.input.InputPosition;
import dev.tandem.input.JsonInput;
import dev.tandem.sbom.Component;
import dev.tandem.sbom.DependencyKind;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomFormat;
import dev.tandem.sbom.SbomReaders;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds {@link SbomFacts} for one SBOM file: the SBOM readers give components, identifiers, hashes,
 * licences and the dependency graph; the document fields the SBOM model does not carry (creator,
 * timestamp, serial number, BSI properties, external references, licence acknowledgement) are read
 * from the JSON itself. For CycloneDX XML and SPDX tag-value those extra fields are reported as not
 * determinable rather than guessed.
 */
public final class SbomFactsReader {

    /** Component fields that only the raw JSON can tell. */
    private static final List<String> RAW_COMPONENT_FIELDS = List.of("creator", "filename", "licence-concluded",
            "executable", "archive", "structured", "source-uri", "deployable-uri", "licence-effective", "source-hash",
            "security-txt");
    private static final List<String> RAW_DOCUMENT_FIELDS = List.of("creator", "author", "timestamp", "sbom-uri",
            "no-vulnerabilities");

    /**
     * Internal marker, never a reported field: the raw document shows the model's licences are all
     * concluded ones, so they must not count as declared.
     */
    private static final String ONLY_CONCLUDED = "internal:only-concluded-licences";

    private SbomFactsReader() {
    }

    /** Reads one SBOM file. */
    public static SbomFacts read(Path file) throws InputException {
        return read(dev.tandem.input.InputDocument.read(file));
    }

    /** The facts of one SBOM document, parsed from its bytes. */
    public static SbomFacts read(dev.tandem.input.InputDocument doc) throws InputException {
        Sbom sbom = SbomReaders.read(doc);
        Set<String> document = new HashSet<>();
        Set<String> undeterminable = new HashSet<>();
        Map<String, String> notes = new HashMap<>();
        Map<String, Set<String>> rawByKey = new HashMap<>();
        if (formatAccepted(sbom)) {
            document.add("format-accepted");
        } else {
            notes.put("sbom:format-accepted", sbom.format().label() + " " + sbom.specVersion());
        }
        switch (sbom.format()) {
            case CYCLONEDX_JSON -> cycloneDx(json(doc), document, rawByKey);
            case SPDX_JSON -> spdx(json(doc), document, rawByKey, undeterminable);
            default -> {
                RAW_DOCUMENT_FIELDS.forEach(f -> undeterminable.add("sbom:" + f));
                RAW_COMPONENT_FIELDS.forEach(f -> undeterminable.add("component:" + f));
            }
        }
        List<SbomFacts.ComponentFacts> components = new ArrayList<>();
        for (Component c : sbom.components()) {
            Set<String> fields = new HashSet<>(rawByKey.getOrDefault(key(c.bomRef(), c.name(), c.version()), Set.of()));
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
            if (c.dependency() != DependencyKind.UNKNOWN) {
                fields.add("dependencies");
            }
            boolean onlyConcluded = fields.remove(ONLY_CONCLUDED);
            if (!c.licenses().isEmpty() && !onlyConcluded) {
                fields.add("licence-declared");
            }
            components.add(new SbomFacts.ComponentFacts(c.label().isBlank() ? c.bomRef() : c.label(), fields));
        }
        return new SbomFacts(doc.source(), sbom.format().label(), sbom.specVersion(), document, components,
                undeterminable, notes);
    }

    private static boolean formatAccepted(Sbom sbom) {
        int[] version = versionParts(sbom.specVersion());
        return switch (sbom.format()) {
            case CYCLONEDX_JSON, CYCLONEDX_XML -> compare(version, new int[] {1, 6}) >= 0;
            case SPDX_JSON, SPDX_TAG_VALUE -> compare(version, new int[] {3, 0, 1}) >= 0;
        };
    }

    private static void cycloneDx(JsonNode root, Set<String> document, Map<String, Set<String>> rawByKey) {
        JsonNode metadata = root.path("metadata");
        boolean contact = false;
        boolean author = false;
        for (JsonNode a : metadata.path("authors")) {
            author |= !a.path("name").asText().isBlank() || !a.path("email").asText().isBlank();
            contact |= !a.path("email").asText().isBlank();
        }
        for (String party : List.of("manufacturer", "supplier", "manufacture")) {
            JsonNode p = metadata.path(party);
            author |= !p.path("name").asText().isBlank();
            contact |= hasContact(p);
        }
        if (contact) {
            document.add("creator");
        }
        if (author) {
            document.add("author");
        }
        if (!metadata.path("timestamp").asText().isBlank()) {
            document.add("timestamp");
        }
        if (!root.path("serialNumber").asText().isBlank()) {
            document.add("sbom-uri");
        }
        if (root.path("vulnerabilities").isMissingNode() || root.path("vulnerabilities").isEmpty()) {
            document.add("no-vulnerabilities");
        }
        Set<String> inGraph = new HashSet<>();
        for (JsonNode d : root.path("dependencies")) {
            inGraph.add(d.path("ref").asText());
            d.path("dependsOn").forEach(x -> inGraph.add(x.asText()));
        }
        collectCycloneDx(root.path("components"), inGraph, rawByKey, 0);
    }

    private static void collectCycloneDx(JsonNode components, Set<String> inGraph, Map<String, Set<String>> rawByKey,
            int depth) {
        if (depth > 100) {
            return;
        }
        for (JsonNode c : components) {
            Set<String> fields = new HashSet<>();
            if (hasContact(c.path("supplier")) || hasContact(c.path("manufacturer"))
                    || anyText(c.path("authors"), "email")) {
                fields.add("creator");
            }
            Map<String, String> properties = new LinkedHashMap<>();
            c.path("properties").forEach(p -> properties.put(p.path("name").asText(), p.path("value").asText()));
            putIfProperty(properties, "bsi:component:filename", "filename", fields);
            putIfProperty(properties, "bsi:component:executable", "executable", fields);
            putIfProperty(properties, "bsi:component:archive", "archive", fields);
            putIfProperty(properties, "bsi:component:structured", "structured", fields);
            putIfProperty(properties, "bsi:component:effectiveLicense", "licence-effective", fields);
            boolean declared = false;
            for (JsonNode l : c.path("licenses")) {
                String ack = l.path("license").path("acknowledgement").asText(l.path("acknowledgement").asText(""));
                if (ack.equals("concluded")) {
                    fields.add("licence-concluded");
                } else {
                    declared = true; // CycloneDX leaves acknowledgement optional; unmarked licences count as declared.
                }
            }
            if (!declared && fields.contains("licence-concluded")) {
                fields.add(ONLY_CONCLUDED);
            }
            for (JsonNode ref : c.path("externalReferences")) {
                String type = ref.path("type").asText();
                switch (type) {
                    case "vcs", "source-distribution" -> {
                        fields.add("source-uri");
                        if (!ref.path("hashes").isEmpty() && type.equals("source-distribution")) {
                            fields.add("source-hash");
                        }
                    }
                    case "distribution", "distribution-intake" -> fields.add("deployable-uri");
                    case "rfc-9116" -> fields.add("security-txt");
                    default -> {
                        if (ref.path("url").asText().endsWith("security.txt")) {
                            fields.add("security-txt");
                        }
                    }
                }
            }
            String bomRef = c.path("bom-ref").asText();
            if (!bomRef.isBlank() && inGraph.contains(bomRef)) {
                fields.add("dependencies");
            }
            rawByKey.put(key(bomRef, c.path("name").asText(), c.path("version").asText()), fields);
            collectCycloneDx(c.path("components"), inGraph, rawByKey, depth + 1);
        }
    }

    private static void spdx(JsonNode root, Set<String> document, Map<String, Set<String>> rawByKey,
            Set<String> undeterminable) {
        JsonNode creation = root.path("creationInfo");
        boolean contact = false;
        for (JsonNode creator : creation.path("creators")) {
            String text = creator.asText();
            contact |= text.contains("@") || text.contains("://");
            if (!text.startsWith("Tool:")) {
                document.add("author");
            }
        }
        if (contact) {
            document.add("creator");
        }
        if (!creation.path("created").asText().isBlank()) {
            document.add("timestamp");
        }
        if (!root.path("documentNamespace").asText().isBlank()) {
            document.add("sbom-uri");
        }
        document.add("no-vulnerabilities"); // SPDX 2.3 has no vulnerability section.
        for (String f : List.of("executable", "archive", "structured", "source-uri", "licence-effective", "source-hash",
                "security-txt")) {
            undeterminable.add("component:" + f);
        }
        for (JsonNode p : root.path("packages")) {
            Set<String> fields = new HashSet<>();
            String supplier = p.path("supplier").asText() + " " + p.path("originator").asText();
            if (supplier.contains("@") || supplier.contains("://")) {
                fields.add("creator");
            }
            if (!p.path("packageFileName").asText().isBlank()) {
                fields.add("filename");
            }
            if (assertion(p.path("licenseConcluded").asText())) {
                fields.add("licence-concluded");
            }
            if (!assertion(p.path("licenseDeclared").asText())) {
                fields.add(ONLY_CONCLUDED);
            }
            if (assertion(p.path("downloadLocation").asText())) {
                fields.add("deployable-uri");
            }
            rawByKey.put(key(p.path("SPDXID").asText(), p.path("name").asText(), p.path("versionInfo").asText()), fields);
        }
    }

    private static boolean assertion(String value) {
        return !value.isBlank() && !value.equals("NOASSERTION") && !value.equals("NONE");
    }

    private static void putIfProperty(Map<String, String> properties, String name, String field, Set<String> fields) {
        String value = properties.get(name);
        if (value != null && !value.isBlank()) {
            fields.add(field);
        }
    }

    private static boolean hasContact(JsonNode party) {
        if (party.isMissingNode()) {
            return false;
        }
        boolean url = party.path("url").isArray() ? !party.path("url").isEmpty() : !party.path("url").asText().isBlank();
        return url || anyText(party.path("contact"), "email");
    }

    private static boolean anyText(JsonNode array, String field) {
        for (JsonNode item : array) {
            if (!item.path(field).asText().isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static String key(String bomRef, String name, String version) {
        return bomRef == null || bomRef.isBlank() ? "nv:" + name + "@" + version : "ref:" + bomRef;
    }

    private static JsonNode json(dev.tandem.input.InputDocument doc) throws InputException {
        try {
            return JsonInput.json().readTree(doc.content());
        } catch (JsonProcessingException e) {
            throw JsonInput.error(doc.source(), e);
        } catch (IOException e) {
            throw new InputException(doc.source(), InputPosition.UNKNOWN, "cannot read the document: " + e.getMessage(), e);
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
