package dev.tandem.conformity.catalog;

import dev.tandem.catalog.Confidence;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One catalog entry: a requirement, a checklist item, a grouping outcome or category, or a product class.
 * {@code kind} says which; only {@code requirement} entries are assessed and crosswalked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Requirement(String id, String title, String kind, String group, String parent, String obligation,
        Boolean conditional, Confidence confidence, String source, String note) {

    /** The kind of entry that is assessed and must appear in crosswalks. */
    public static final String ASSESSED_KIND = "requirement";

    public boolean assessed() {
        return ASSESSED_KIND.equals(kind);
    }

    public boolean isConditional() {
        return Boolean.TRUE.equals(conditional);
    }
}
