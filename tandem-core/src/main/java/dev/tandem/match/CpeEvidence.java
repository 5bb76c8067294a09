package dev.tandem.match;

import java.util.List;
import java.util.Objects;

/**
 * How a component met a CPE configuration: the component's CPE as matched, whether Tandem inferred
 * it (and from what), the criteria of the records that matched, and those records.
 *
 * @param cpe        the component's CPE in the formatted-string binding (with the version filled in
 *                   from the component when its CPE left it unstated)
 * @param inferredBy how the CPE was inferred ("" when the SBOM gave it): see docs/matching.md#inferred-cpes
 * @param criteria   the vulnerable criteria the component matched, as the records write them, with their bounds
 * @param records    the NVD or CVE records whose configuration matched (CVE ids; a CVE read from two feeds once)
 */
public record CpeEvidence(String cpe, boolean inferred, String inferredBy, List<String> criteria,
        List<String> records) {

    public CpeEvidence {
        Objects.requireNonNull(cpe, "cpe");
        inferredBy = inferredBy == null ? "" : inferredBy;
        criteria = List.copyOf(criteria);
        records = List.copyOf(records);
    }
}
