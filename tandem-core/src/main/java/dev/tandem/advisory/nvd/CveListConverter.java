package dev.tandem.advisory.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryFeed;
import dev.tandem.advisory.cvss.Cvss;
import dev.tandem.advisory.cvss.SeverityScore;
import dev.tandem.cpe.Applicability;
import dev.tandem.cpe.ApplicabilityNode;
import dev.tandem.cpe.CpeMatch;
import dev.tandem.cpe.CpeName;
import dev.tandem.cpe.CpeValue;
import dev.tandem.cpe.MalformedCpeException;
import dev.tandem.cpe.Operator;
import dev.tandem.cpe.VersionBounds;
import dev.tandem.input.InputException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One CVE JSON 5.x record of the CVE List: {@code cveMetadata} (id, {@code state}: REJECTED makes it
 * withdrawn, dates), the CNA container (title, English description, metrics, {@code affected},
 * {@code cpeApplicability}) and the ADP containers (CISA's "Vulnrichment": metrics, {@code affected}
 * with {@code cpes}; the CVE Program container adds only references).
 *
 * <p>Applicability, as docs/formats/nvd.md#cve-json-5 sets out: the {@code cpeApplicability} of every
 * container when there is any (it is the NVD's own configuration language); otherwise the
 * {@code affected} entries that name CPEs ({@code cpes}), each version entry becoming a criterion on
 * those products — {@code version} with {@code lessThan} a range from it (from the start when it is
 * {@code 0}, {@code *} or {@code -}) to {@code lessThan} excluded, with {@code lessThanOrEqual} a
 * range to it included ({@code 6.1.*} is read as "below 6.2"), a bare {@code version} that version.
 * With {@code defaultStatus: affected}, every version is affected except the {@code unaffected}
 * entries. Entries of {@code versionType: git} (commit ranges) cannot be CPE ranges and are noted,
 * not used; {@code affected} entries without CPEs (vendor and product names only) are not used.
 */
final class CveListConverter {

    private static final String[][] METRICS = {{"cvssV4_0", "CVSS_V4"}, {"cvssV3_1", "CVSS_V3"},
            {"cvssV3_0", "CVSS_V3"}, {"cvssV2_0", "CVSS_V2"}};

    private CveListConverter() {
    }

    static CveRecord convert(RecordNodes n, JsonNode root, String pointer) throws InputException {
        String metaPointer = RecordNodes.child(pointer, "cveMetadata");
        JsonNode meta = n.object(root, "cveMetadata", pointer);
        if (meta.isMissingNode()) {
            throw n.error(pointer, "a CVE JSON 5 record needs \"cveMetadata\"");
        }
        String id = ApiRecordConverter.id(n, meta, "cveId", metaPointer);
        String state = n.text(meta, "state", metaPointer);
        Instant published = RecordTimes.parse(n, n.text(meta, "datePublished", metaPointer),
                RecordNodes.child(metaPointer, "datePublished"));
        Instant modified = RecordTimes.parse(n, n.text(meta, "dateUpdated", metaPointer),
                RecordNodes.child(metaPointer, "dateUpdated"));
        String containersPointer = RecordNodes.child(pointer, "containers");
        JsonNode containers = n.object(root, "containers", pointer);
        String cnaPointer = RecordNodes.child(containersPointer, "cna");
        JsonNode cna = n.object(containers, "cna", containersPointer);
        boolean rejected = state.equalsIgnoreCase("REJECTED");
        String description = Descriptions.english(n, cna, rejected ? "rejectedReasons" : "descriptions", cnaPointer);
        String title = n.text(cna, "title", cnaPointer);
        String cnaName = n.text(n.object(cna, "providerMetadata", cnaPointer), "shortName",
                RecordNodes.child(cnaPointer, "providerMetadata"));
        if (cnaName.isEmpty()) {
            cnaName = n.text(meta, "assignerShortName", metaPointer);
        }

        List<SeverityScore> scores = new ArrayList<>();
        List<ApplicabilityNode.Group> declared = new ArrayList<>();
        List<ApplicabilityNode.Group> fromAffected = new ArrayList<>();
        Set<String> notes = new LinkedHashSet<>();
        List<String> references = new ArrayList<>();
        container(n, cna, cnaPointer, id, "CNA " + cnaName, scores, declared, fromAffected, notes, references);
        String adpPointer = RecordNodes.child(containersPointer, "adp");
        List<JsonNode> adps = n.array(containers, "adp", containersPointer);
        for (int i = 0; i < adps.size(); i++) {
            String at = RecordNodes.child(adpPointer, i);
            JsonNode adp = n.element(adps.get(i), at);
            String name = n.text(n.object(adp, "providerMetadata", at), "shortName", RecordNodes.child(at, "providerMetadata"));
            container(n, adp, at, id, "ADP " + name, scores, declared, fromAffected, notes, references);
        }
        Applicability applicability = new Applicability(declared.isEmpty() ? fromAffected : declared);
        Instant withdrawn = rejected ? ApiRecordConverter.firstNonNull(modified, published, Instant.EPOCH) : null;
        String summary = title.isEmpty() ? Descriptions.headline(description) : title;
        Advisory advisory = new Advisory(id, n.source(), summary, description, published, modified, withdrawn, List.of(),
                List.of(), scores, List.of(), references, AdvisoryFeed.CVE);
        return new CveRecord(advisory, RecordFormat.CVE_JSON_5, state, rejected ? Applicability.NONE : applicability,
                List.copyOf(notes));
    }

    private static void container(RecordNodes n, JsonNode container, String at, String id, String provider,
            List<SeverityScore> scores, List<ApplicabilityNode.Group> declared, List<ApplicabilityNode.Group> fromAffected,
            Set<String> notes, List<String> references) throws InputException {
        String metricsPointer = RecordNodes.child(at, "metrics");
        List<JsonNode> metrics = n.array(container, "metrics", at);
        for (int i = 0; i < metrics.size(); i++) {
            String metricAt = RecordNodes.child(metricsPointer, i);
            JsonNode metric = n.element(metrics.get(i), metricAt);
            for (String[] kind : METRICS) {
                JsonNode cvss = n.object(metric, kind[0], metricAt);
                String vector = n.text(cvss, "vectorString", RecordNodes.child(metricAt, kind[0]));
                if (!vector.isEmpty()) {
                    scores.add(Cvss.score(kind[1], vector).withSource("CVE List " + id + " (" + provider + ")"));
                }
            }
        }
        declared.addAll(Configurations.api2(n, container, "cpeApplicability", at));
        String affectedPointer = RecordNodes.child(at, "affected");
        List<JsonNode> affected = n.array(container, "affected", at);
        for (int i = 0; i < affected.size(); i++) {
            String entryAt = RecordNodes.child(affectedPointer, i);
            ApplicabilityNode.Group group = affected(n, n.element(affected.get(i), entryAt), entryAt, notes);
            if (group != null) {
                fromAffected.add(group);
            }
        }
        String referencesPointer = RecordNodes.child(at, "references");
        List<JsonNode> referenceElements = n.array(container, "references", at);
        for (int i = 0; i < referenceElements.size(); i++) {
            String refAt = RecordNodes.child(referencesPointer, i);
            String url = n.text(n.element(referenceElements.get(i), refAt), "url", refAt);
            if (!url.isEmpty() && !references.contains(url)) {
                references.add(url);
            }
        }
    }

    /** One {@code affected} entry that names CPEs, as a configuration; null when it names none or says nothing usable. */
    private static ApplicabilityNode.Group affected(RecordNodes n, JsonNode entry, String at, Set<String> notes)
            throws InputException {
        List<String> cpes = new ArrayList<>();
        String cpesPointer = RecordNodes.child(at, "cpes");
        List<JsonNode> cpeElements = n.array(entry, "cpes", at);
        for (int i = 0; i < cpeElements.size(); i++) {
            String text = cpeElements.get(i).isTextual() ? cpeElements.get(i).asText().strip() : "";
            if (text.isEmpty()) {
                throw n.error(RecordNodes.child(cpesPointer, i), "expected a CPE name, found "
                        + dev.tandem.input.JsonTree.describe(cpeElements.get(i)));
            }
            cpes.add(text);
        }
        if (cpes.isEmpty()) {
            return null;
        }
        List<CpeName> products = new ArrayList<>();
        for (int i = 0; i < cpes.size(); i++) {
            try {
                // The CPE names the product; its version (ADP writes the first affected one, *, or -) is the versions list's business.
                products.add(CpeName.parse(cpes.get(i)).withVersion(CpeValue.ANY, CpeValue.ANY));
            } catch (MalformedCpeException e) {
                throw n.error(RecordNodes.child(cpesPointer, i), e.getMessage());
            }
        }
        String defaultStatus = n.text(entry, "defaultStatus", at).toLowerCase(Locale.ROOT);
        List<ApplicabilityNode> affectedLeaves = new ArrayList<>();
        List<ApplicabilityNode> unaffectedLeaves = new ArrayList<>();
        String versionsPointer = RecordNodes.child(at, "versions");
        List<JsonNode> versions = n.array(entry, "versions", at);
        for (int i = 0; i < versions.size(); i++) {
            String versionAt = RecordNodes.child(versionsPointer, i);
            JsonNode version = n.element(versions.get(i), versionAt);
            String status = n.text(version, "status", versionAt).toLowerCase(Locale.ROOT);
            if (!status.equals("affected") && !status.equals("unaffected")) {
                continue; // "unknown" says nothing either way
            }
            String type = n.text(version, "versionType", versionAt);
            if (type.equalsIgnoreCase("git")) {
                notes.add("affected versions of type git (commit ranges) cannot be CPE version ranges; they were not used");
                continue;
            }
            if (!n.array(version, "changes", versionAt).isEmpty()) {
                notes.add("the \"changes\" of an affected version range are not used");
            }
            for (CpeName product : products) {
                CpeMatch match = criterion(n, version, versionAt, product, status.equals("affected"), notes);
                if (match != null) {
                    (status.equals("affected") ? affectedLeaves : unaffectedLeaves).add(new ApplicabilityNode.Leaf(match));
                }
            }
        }
        if (defaultStatus.equals("affected")) {
            List<ApplicabilityNode> every = new ArrayList<>();
            for (CpeName product : products) {
                every.add(new ApplicabilityNode.Leaf(new CpeMatch(product, product.formatted(), true, VersionBounds.NONE, "")));
            }
            ApplicabilityNode.Group all = new ApplicabilityNode.Group(Operator.OR, false, every);
            if (unaffectedLeaves.isEmpty()) {
                return all;
            }
            // Every version but the unaffected ones: affected AND NOT (one of the unaffected ranges).
            return new ApplicabilityNode.Group(Operator.AND, false,
                    List.of(all, new ApplicabilityNode.Group(Operator.OR, true, unaffectedLeaves)));
        }
        if (affectedLeaves.isEmpty()) {
            if (versions.isEmpty()) {
                notes.add("an affected entry names CPEs but no versions, and its default status is not \"affected\"");
            }
            return null;
        }
        return new ApplicabilityNode.Group(Operator.OR, false, affectedLeaves);
    }

    private static CpeMatch criterion(RecordNodes n, JsonNode version, String at, CpeName product, boolean affected,
            Set<String> notes) throws InputException {
        String start = n.text(version, "version", at);
        String lessThan = n.text(version, "lessThan", at);
        String lessThanOrEqual = n.text(version, "lessThanOrEqual", at);
        boolean fromStart = start.isEmpty() || start.equals("0") || start.equals("*") || start.equals("-");
        VersionBounds bounds;
        if (!lessThan.isEmpty()) {
            bounds = new VersionBounds(fromStart ? null : start, null, null, lessThan.equals("*") ? null : lessThan);
        } else if (!lessThanOrEqual.isEmpty()) {
            String end = lessThanOrEqual;
            String endExcluding = null;
            if (end.equals("*")) {
                end = null;
            } else if (end.endsWith(".*")) {
                endExcluding = nextSeries(end.substring(0, end.length() - 2));
                end = null;
                if (endExcluding == null) {
                    notes.add("a version bound \"" + lessThanOrEqual + "\" could not be read as a range; it was not used");
                    return null;
                }
            }
            bounds = new VersionBounds(fromStart ? null : start, null, end, endExcluding);
        } else {
            if (start.isEmpty() || start.equals("-") || start.equals("0")) {
                notes.add("a version entry without a version was not used");
                return null;
            }
            if (start.equals("*")) {
                return new CpeMatch(product, product.formatted(), affected, VersionBounds.NONE, "");
            }
            CpeName exact = product.withVersion(CpeValue.of(start), CpeValue.ANY);
            return new CpeMatch(exact, exact.formatted(), affected, VersionBounds.NONE, "");
        }
        return new CpeMatch(product, product.formatted(), affected, bounds, "");
    }

    /** {@code 6.1} → {@code 6.2}: the first version after a series, for {@code lessThanOrEqual: 6.1.*}. */
    static String nextSeries(String prefix) {
        int end = prefix.length();
        while (end > 0 && !Character.isDigit(prefix.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isDigit(prefix.charAt(start - 1))) {
            start--;
        }
        if (start == end) {
            return null;
        }
        String digits = prefix.substring(start, end);
        String next = new java.math.BigInteger(digits).add(java.math.BigInteger.ONE).toString();
        return prefix.substring(0, start) + next;
    }
}
