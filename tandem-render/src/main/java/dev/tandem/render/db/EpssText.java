package dev.tandem.render.db;

import dev.tandem.advisory.EpssProvenance;
import java.util.Locale;

/** "312,456 scores of 2026-12-05 (model v2025.03.14)": EPSS scores as the db outputs mention them. */
final class EpssText {

    private EpssText() {
    }

    static String text(EpssProvenance epss) {
        return String.format(Locale.ROOT, "%,d scores%s%s", epss.count(),
                epss.scoreDate() == null ? "" : " of " + epss.scoreDate(),
                epss.modelVersion().isEmpty() ? "" : " (model " + epss.modelVersion() + ")");
    }
}
