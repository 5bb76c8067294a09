package dev.tandem.reporting.catalog;

import dev.tandem.catalog.CatalogFiles;
import dev.tandem.catalog.CatalogSource;
import dev.tandem.input.InputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads the reporting catalog ({@code reporting/}, {@code calendars/}) from a {@link CatalogSource}.
 * Strict: an unknown key or a broken cross-reference is a catalog defect, reported with the file.
 */
public final class CatalogLoader {

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

    private record FlagsFile(List<EventFlag> flags) {
    }

    /** The bundled catalog, loaded once; a broken bundle is a build defect, so it fails loudly. */
    public static ReportingCatalog bundled() {
        ReportingCatalog catalog = cached;
        if (catalog == null) {
            synchronized (CatalogLoader.class) {
                if (cached == null) {
                    try {
                        cached = load(CatalogSource.bundled());
                    } catch (InputException e) {
                        throw new IllegalStateException("the bundled catalog is broken: " + e.getMessage(), e);
                    }
                }
                catalog = cached;
            }
        }
        return catalog;
    }

    /** Loads and cross-checks the reporting part of {@code source}. */
    public static ReportingCatalog load(CatalogSource source) throws InputException {
        List<Framework> frameworks = new ArrayList<>();
        for (String id : CatalogFiles.read(source, "reporting/frameworks.yaml", FrameworkIndex.class).frameworks()) {
            if (!id.matches("[a-z0-9][a-z0-9-]*")) {
                throw CatalogFiles.defect(source, "reporting/frameworks.yaml", "framework id '" + id
                        + "' is not lower-case letters, digits and hyphens");
            }
            String path = "reporting/frameworks/" + id + ".yaml";
            Framework framework = CatalogFiles.read(source, path, Framework.class);
            if (!id.equals(framework.id())) {
                throw CatalogFiles.defect(source, path, "declares id " + framework.id() + ", expected " + id);
            }
            frameworks.add(framework);
        }
        List<CalendarDefinition> calendars = List.of(
                CatalogFiles.read(source, "calendars/us-federal-holidays.yaml", CalendarDefinition.class),
                CatalogFiles.read(source, "calendars/weekends-only.yaml", CalendarDefinition.class));
        try {
            return new ReportingCatalog(frameworks,
                    CatalogFiles.read(source, "reporting/fields.yaml", FieldsFile.class).fields(),
                    CatalogFiles.read(source, "reporting/counting-rules.yaml", CountingRulesFile.class).rules(),
                    calendars,
                    CatalogFiles.read(source, "reporting/notices.yaml", NoticesFile.class).notices(),
                    CatalogFiles.read(source, "reporting/roles.yaml", RolesFile.class).roles(),
                    CatalogFiles.read(source, "reporting/stage-kinds.yaml", StageKindsFile.class).kinds(),
                    CatalogFiles.read(source, "reporting/flags.yaml", FlagsFile.class).flags(),
                    CatalogFiles.read(source, "calendars/eu-member-state-time-zones.yaml", MemberStateZones.class));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw CatalogFiles.defect(source, "reporting/", e.getMessage());
        }
    }
}
