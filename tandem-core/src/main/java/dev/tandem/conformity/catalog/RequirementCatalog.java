package dev.tandem.conformity.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A requirement catalog with its source; entries keep the order of the YAML file. {@code standard} names
 * the standard a catalog is an edition of (e.g. "ETSI EN 303 645"), when several editions are loaded.
 */
public record RequirementCatalog(String id, String title, String version, String publisher, String url, String standard,
        String source, List<Requirement> requirements) {

    public RequirementCatalog {
        requirements = List.copyOf(requirements);
    }

    public Optional<Requirement> find(String requirementId) {
        return requirements.stream().filter(r -> r.id().equals(requirementId)).findFirst();
    }

    /**
     * Finds a requirement by its id or by another common spelling of the same number, so that a
     * profile may write the CRA's own numbering ({@code I.2(a)}, {@code Part II (1)}, {@code I(2)(a)})
     * for {@code CRA-I-2a} or {@code CRA-II-1}. A spelling is accepted only when exactly one entry
     * has it, so "5.11" (a category) is never confused with "5.1-1".
     */
    public Optional<Requirement> resolve(String spelling) {
        Optional<Requirement> exact = find(spelling);
        if (exact.isPresent()) {
            return exact;
        }
        String wanted = normalised(spelling);
        List<Requirement> matches = requirements.stream().filter(r -> normalised(r.id()).equals(wanted)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** Upper case, letters and digits only, without a leading "CRA", "Annex I" before "Part", "Part", or "point". */
    static String normalised(String spelling) {
        String s = spelling.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        s = s.startsWith("CRA") ? s.substring(3) : s;
        s = s.startsWith("ANNEXIPART") ? s.substring("ANNEXI".length()) : s;
        s = s.startsWith("PART") ? s.substring(4) : s;
        return s.replace("POINT", "");
    }

    /** The entries that are assessed (kind {@code requirement}). */
    public List<Requirement> assessed() {
        return requirements.stream().filter(Requirement::assessed).toList();
    }

    public List<Requirement> ofKind(String kind) {
        return requirements.stream().filter(r -> kind.equals(r.kind())).toList();
    }
}
