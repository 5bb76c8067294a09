package dev.tandem.conformity.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.tandem.catalog.Confidence;

/**
 * One catalog entry: a requirement, a checklist item, a grouping outcome or category, or a product class.
 * {@code kind} says which; only {@code requirement} entries are assessed and crosswalked. A conditional
 * provision says when it applies ({@code condition}); a CRA product category names the class it gives
 * ({@code craClass}) and the technical description of Implementing Regulation (EU) 2025/2392
 * ({@code description}, with its own source and confidence).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Requirement(String id, String title, String kind, String group, String parent, String obligation,
        Boolean conditional, Confidence confidence, String source, String note, String condition, String craClass,
        String description, String descriptionSource, Confidence descriptionConfidence) {

    /** The kind of entry that is assessed and must appear in crosswalks. */
    public static final String ASSESSED_KIND = "requirement";
    /** The kind of entry that is a CRA product category (Annex III, Annex IV). */
    public static final String CATEGORY_KIND = "product-class";

    /** An entry without the condition and category fields, as most catalog entries are. */
    public Requirement(String id, String title, String kind, String group, String parent, String obligation,
            Boolean conditional, Confidence confidence, String source, String note) {
        this(id, title, kind, group, parent, obligation, conditional, confidence, source, note, null, null, null, null,
                null);
    }

    public boolean assessed() {
        return ASSESSED_KIND.equals(kind);
    }

    public boolean isConditional() {
        return Boolean.TRUE.equals(conditional);
    }

    /** A mandatory requirement without a condition applies to every product: it cannot be "not applicable". */
    public boolean alwaysApplies() {
        return "mandatory".equals(obligation) && !isConditional();
    }
}
