package dev.tandem.advisory.nvd;

import dev.tandem.advisory.Advisory;
import dev.tandem.cpe.Applicability;
import java.util.List;
import java.util.Objects;

/**
 * One NVD or CVE record: the record as an {@link Advisory} (its id is the CVE id; rejected records
 * are withdrawn), the format it was read from, the status as the record states it
 * ({@code Analyzed}, {@code Awaiting Analysis}, {@code Rejected}, {@code PUBLISHED}, …), its CPE
 * applicability (empty when the record has none), and notes on what of it could not be used (an
 * {@code affected} version range of type {@code git}, say).
 */
public record CveRecord(Advisory advisory, RecordFormat format, String status, Applicability applicability,
        List<String> notes) {

    public CveRecord {
        Objects.requireNonNull(advisory, "advisory");
        Objects.requireNonNull(format, "format");
        status = status == null ? "" : status;
        applicability = applicability == null ? Applicability.NONE : applicability;
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** The CVE id. */
    public String id() {
        return advisory.id();
    }

    public boolean isRejected() {
        return advisory.isWithdrawn();
    }
}
