package dev.tandem.render.conformity;

import java.util.Locale;

/**
 * OSCAL control ids are tokens that must start with a letter or underscore; EN 303 645 provision ids
 * ("5.1-1") do not, so they get the prefix "en303645-". The original id travels in a "label" prop.
 */
final class OscalIds {

    private OscalIds() {
    }

    /** The OSCAL control id for a requirement id of the given catalog. */
    public static String control(String catalogId, String requirementId) {
        String id = requirementId.strip();
        if (!id.isEmpty() && (Character.isLetter(id.charAt(0)) || id.charAt(0) == '_')) {
            return id.toLowerCase(Locale.ROOT);
        }
        return catalogId.replace("etsi-en-", "en").replace("-", "") + "-" + id.toLowerCase(Locale.ROOT);
    }

    /** A group id from a free-text group name. */
    public static String group(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("(^-+)|(-+$)", "");
        return slug.isEmpty() || !Character.isLetter(slug.charAt(0)) ? "g-" + slug : slug;
    }
}
