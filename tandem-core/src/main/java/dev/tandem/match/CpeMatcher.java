package dev.tandem.match;

import dev.tandem.advisory.Vulnerability;
import dev.tandem.cpe.ApplicabilityVerdict;
import dev.tandem.cpe.CpeMatch;
import dev.tandem.cpe.CpeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matches one component's CPEs against the records of a {@link CpeIndex}: one lookup per CPE, each
 * record's configurations judged with the SBOM's inventory for platforms. What every record of one
 * vulnerability said is gathered, so a component gets one result per vulnerability.
 */
final class CpeMatcher {

    /** What the records of one vulnerability said about one component. */
    static final class Result {
        final Vulnerability vulnerability;
        final Set<String> records = new LinkedHashSet<>();
        final Set<String> criteria = new LinkedHashSet<>();
        final Set<String> fixedIn = new LinkedHashSet<>();
        String rule;
        CpeName cpe;
        String undecidedRecord;
        String undecidedReason;

        Result(Vulnerability vulnerability) {
            this.vulnerability = vulnerability;
        }

        boolean affected() {
            return !records.isEmpty();
        }
    }

    private final CpeIndex index;

    CpeMatcher(CpeIndex index) {
        this.index = index;
    }

    /** Every vulnerability a CPE configuration says something about for this component, by vulnerability id. */
    Map<String, Result> match(CpeIdentity identity, SbomInventory inventory) {
        Map<String, Result> results = new LinkedHashMap<>();
        for (CpeName name : identity.names()) {
            for (CpeEntry entry : index.lookup(name.productKey())) {
                ApplicabilityVerdict verdict = entry.applicability().evaluate(name, inventory);
                switch (verdict) {
                    case ApplicabilityVerdict.Affected affected -> {
                        Result result = results.computeIfAbsent(entry.vulnerability().id(),
                                id -> new Result(entry.vulnerability()));
                        result.records.add(entry.record().id());
                        for (CpeMatch match : affected.matched()) {
                            result.criteria.add(match.describe());
                        }
                        result.fixedIn.addAll(affected.fixedIn());
                        if (result.rule == null) {
                            result.cpe = name;
                            result.rule = rule(name, identity, entry, affected);
                        }
                    }
                    case ApplicabilityVerdict.Undecided undecided -> {
                        Result result = results.computeIfAbsent(entry.vulnerability().id(),
                                id -> new Result(entry.vulnerability()));
                        if (result.undecidedRecord == null) {
                            result.undecidedRecord = entry.record().id();
                            result.undecidedReason = entry.record().feed().label() + " " + entry.record().id()
                                    + " matches " + name.formatted() + " but " + undecided.reason();
                            result.cpe = result.cpe == null ? name : result.cpe;
                        }
                    }
                    case ApplicabilityVerdict.NotAffected notAffected -> {
                    }
                }
            }
        }
        return results;
    }

    /** "cpe:2.3:a:openssl:openssl:1.0.1f:… (inferred) matches NVD CVE-2014-0160: cpe:2.3:…:* from 1.0.1 (including) …". */
    private static String rule(CpeName name, CpeIdentity identity, CpeEntry entry, ApplicabilityVerdict.Affected affected) {
        StringBuilder text = new StringBuilder(name.formatted());
        if (identity instanceof CpeIdentity.Inferred) {
            text.append(" (inferred)");
        }
        text.append(" matches ").append(entry.record().feed().label()).append(' ').append(entry.record().id())
                .append(" configuration ").append(affected.configuration() + 1).append(": ")
                .append(affected.matched().get(0).describe());
        if (!affected.platforms().isEmpty()) {
            List<String> platforms = new ArrayList<>();
            affected.platforms().forEach(p -> platforms.add(p.describe()));
            text.append(", with ").append(String.join(" and ", platforms));
        }
        return text.toString();
    }
}
