package dev.tandem.reporting.draft;

import dev.tandem.reporting.catalog.Notice;
import java.util.List;

/** A notice that goes with a draft, with its own fields filled from the record (the CRA Art 14(8) user notice). */
public record DraftNotice(Notice notice, List<DraftField> fields) {

    public DraftNotice {
        fields = List.copyOf(fields);
    }
}
