package dev.tandem.reporting.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the reporting catalog from the classpath ({@code catalog/...}, packaged into the jar by
 * tandem-core's pom). Strict: an unknown key in the catalog is a bug, not something to skip.
 */
public final class CatalogLoader {

    private static final String ROOT = "catalog/";
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    private static volatile ReportingCatalog cached;

    private CatalogLoader() {
    }

    private record FrameworkIndex(List<String> frameworks) {
    }

    private record FieldsFile(List<FieldDefinition> fields) {
    }

    private record CountingRulesFile(List<CountingRule> rules) {
    }

    private record NoticesFile(List<Notice> notices) {
    }

    private record RolesFile(List<Role> roles) {
    }

    private record StageKindsFile(List<StageKind> kinds) {
    }

    /** The bundled catalog, loaded once. */
    public static ReportingCatalog bundled() {
        ReportingCatalog catalog = cached;
        if (catalog == null) {
            synchronized (CatalogLoader.class) {
                if (cached == null) {
                    cached = load();
                }
                catalog = cached;
            }
        }
        return catalog;
    }

    private static ReportingCatalog load() {
        List<Framework> frameworks = new ArrayList<>();
        for (String id : read("reporting/frameworks.yaml", FrameworkIndex.class).frameworks()) {
            Framework framework = read("reporting/frameworks/" + id + ".yaml", Framework.class);
            if (!id.equals(framework.id())) {
                throw new IllegalStateException("catalog: reporting/frameworks/" + id + ".yaml declares id " + framework.id());
            }
            frameworks.add(framework);
        }
        List<CalendarDefinition> calendars = List.of(
                read("calendars/us-federal-holidays.yaml", CalendarDefinition.class),
                read("calendars/weekends-only.yaml", CalendarDefinition.class));
        return new ReportingCatalog(frameworks,
                read("reporting/fields.yaml", FieldsFile.class).fields(),
                read("reporting/counting-rules.yaml", CountingRulesFile.class).rules(),
                calendars,
                read("reporting/notices.yaml", NoticesFile.class).notices(),
                read("reporting/roles.yaml", RolesFile.class).roles(),
                read("reporting/stage-kinds.yaml", StageKindsFile.class).kinds(),
                read("calendars/eu-member-state-time-zones.yaml", MemberStateZones.class));
    }

    private static <T> T read(String path, Class<T> type) {
        try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("catalog file missing from the classpath: " + ROOT + path);
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("catalog file " + ROOT + path + " is unreadable: " + e.getMessage(), e);
        }
    }
}
