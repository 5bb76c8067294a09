package dev.tandem.render.sbom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.render.TextRenderer;
import dev.tandem.sbom.Hash;
import dev.tandem.usecase.sbom.SbomFromLockfileResult;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The SBOM of lockfiles as CycloneDX 1.6 JSON: the product as {@code metadata.component}, the lifecycle
 * {@code pre-build} (a lockfile is read before anything is built), one component per package with its
 * purl, scope ({@code excluded} for development dependencies, which are kept), checksums, licences as the
 * lockfile writes them (as names: a lockfile does not say which are SPDX identifiers) and, as evidence,
 * the lockfile and line naming it; the dependency graph as the lockfiles state it. Tandem's own
 * observations are properties in the {@code tandem:} namespace. Fields are chosen here one by one.
 */
final class LockfileCycloneDxRenderer implements TextRenderer<SbomFromLockfileResult> {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String mediaType() {
        return "application/vnd.cyclonedx+json";
    }

    @Override
    public void render(SbomFromLockfileResult result, PrintWriter out) {
        ObjectNode bom = NODES.objectNode();
        bom.put("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json");
        bom.put("bomFormat", "CycloneDX");
        bom.put("specVersion", "1.6");
        // CycloneDX: every BOM generated has a unique serial number, even when its content has not changed.
        bom.put("serialNumber", "urn:uuid:" + UUID.randomUUID());
        bom.put("version", 1);
        ObjectNode metadata = bom.putObject("metadata");
        metadata.put("timestamp", result.generatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        metadata.putArray("lifecycles").addObject().put("phase", "pre-build");
        ObjectNode tool = metadata.putObject("tools").putArray("components").addObject();
        tool.put("type", "application");
        tool.put("name", "tandem");
        tool.put("version", result.toolVersion());
        if (result.product() != null) {
            metadata.set("component", component(result.product()));
        }
        ArrayNode sources = metadata.putArray("properties");
        for (SbomFromLockfileResult.Source source : result.sources()) {
            property(sources, "tandem:lockfile", source.path() + " (" + source.format()
                    + (source.formatVersion().isEmpty() ? "" : " " + source.formatVersion()) + ")");
        }
        ArrayNode components = bom.putArray("components");
        for (SbomFromLockfileResult.Entry entry : result.components()) {
            components.add(component(entry));
        }
        ArrayNode dependencies = bom.putArray("dependencies");
        result.dependencies().forEach((from, to) -> {
            ObjectNode dependency = dependencies.addObject();
            dependency.put("ref", from);
            ArrayNode on = dependency.putArray("dependsOn");
            to.forEach(on::add);
        });
        try {
            out.println(JSON.writeValueAsString(bom));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode component(SbomFromLockfileResult.Entry entry) {
        ObjectNode component = NODES.objectNode();
        component.put("type", entry.project() ? "application" : "library");
        component.put("bom-ref", entry.ref());
        if (!entry.group().isEmpty()) {
            component.put("group", entry.group());
        }
        component.put("name", entry.name());
        if (!entry.version().isEmpty()) {
            component.put("version", entry.version());
        }
        String scope = switch (entry.scope()) {
            case REQUIRED -> "required";
            case OPTIONAL -> "optional";
            case DEVELOPMENT -> "excluded";
            case UNKNOWN -> "";
        };
        if (!scope.isEmpty()) {
            component.put("scope", scope);
        }
        if (!entry.hashes().isEmpty()) {
            ArrayNode hashes = component.putArray("hashes");
            for (Hash hash : entry.hashes()) {
                ObjectNode node = hashes.addObject();
                node.put("alg", hash.algorithm());
                node.put("content", hash.value());
            }
        }
        if (!entry.licenses().isEmpty()) {
            ArrayNode licenses = component.putArray("licenses");
            entry.licenses().forEach(license -> licenses.addObject().putObject("license").put("name", license));
        }
        if (!entry.purl().isEmpty()) {
            component.put("purl", entry.purl());
        }
        ArrayNode properties = NODES.arrayNode();
        switch (entry.kind()) {
            case DIRECT -> property(properties, "tandem:dependency", "direct");
            case TRANSITIVE -> property(properties, "tandem:dependency", "transitive");
            case UNKNOWN -> { }
        }
        if (!entry.groups().isEmpty()) {
            property(properties, "tandem:lockfile:groups", String.join(",", entry.groups()));
        }
        if (!entry.origin().isEmpty()) {
            property(properties, "tandem:lockfile:origin", entry.origin());
        }
        if (!entry.commit().isEmpty()) {
            property(properties, "tandem:lockfile:commit", entry.commit());
        }
        if (!properties.isEmpty()) {
            component.set("properties", properties);
        }
        List<SbomFromLockfileResult.Occurrence> occurrences = entry.occurrences();
        if (!occurrences.isEmpty()) {
            ArrayNode list = component.putObject("evidence").putArray("occurrences");
            for (SbomFromLockfileResult.Occurrence occurrence : occurrences) {
                ObjectNode node = list.addObject();
                node.put("location", occurrence.path());
                if (occurrence.line() > 0) {
                    node.put("line", occurrence.line());
                }
            }
        }
        return component;
    }

    private static void property(ArrayNode properties, String name, String value) {
        ObjectNode property = properties.addObject();
        property.put("name", name);
        property.put("value", value);
    }
}
