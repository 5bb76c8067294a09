package dev.tandem.conformity.classification;

import dev.tandem.catalog.Confidence;
import dev.tandem.conformity.profile.CraClass;

/**
 * One Annex III or IV category a product is in: its id and title, the class it gives, the provision
 * that lists it, and its technical description under Implementing Regulation (EU) 2025/2392 (a
 * paraphrase, with its own source, confidence and a note where parts were not seen).
 */
public record Category(String id, String title, CraClass craClass, String source, Confidence confidence,
        String description, String descriptionSource, Confidence descriptionConfidence, String note) {
}
