package dev.tandem.conformity.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tandem.conformity.ConformityKnowledgeBase;
import dev.tandem.conformity.crosswalk.Crosswalk;
import dev.tandem.conformity.crosswalk.CrosswalkFile;
import dev.tandem.input.JsonInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code catalog/conformity/*.yaml} from the classpath, strictly: an unknown key is a catalog defect. */
public final class CatalogLoader {

    /** Where the conformity catalog sits on the classpath. */
    public static final String ROOT = "catalog/conformity/";

    private static final ObjectMapper STRICT = JsonInput.yaml().copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private CatalogLoader() {
    }

    /** Loads every catalog and crosswalk named in {@code index.yaml}. */
    public static ConformityKnowledgeBase loadBundled() {
        JsonNode index = read("index.yaml", JsonNode.class);
        List<RequirementCatalog> catalogs = new ArrayList<>();
        for (JsonNode id : index.path("catalogs")) {
            catalogs.add(read(id.asText() + ".yaml", RequirementCatalog.class));
        }
        List<Crosswalk> crosswalks = new ArrayList<>();
        for (JsonNode id : index.path("crosswalks")) {
            crosswalks.add(read(id.asText() + ".yaml", CrosswalkFile.class).resolve());
        }
        ConformityRoutes routes = read("cra-conformity-routes.yaml", ConformityRoutes.class);
        return new ConformityKnowledgeBase(catalogs, crosswalks, routes);
    }

    private static <T> T read(String name, Class<T> type) {
        String path = ROOT + name;
        try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("bundled catalog file missing from the classpath: " + path);
            }
            return STRICT.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled catalog file " + path + " is broken: " + e.getMessage(), e);
        }
    }
}
