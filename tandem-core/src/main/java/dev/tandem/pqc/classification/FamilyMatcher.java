package dev.tandem.pqc.classification;

import dev.tandem.pqc.catalog.AlgorithmFamily;
import dev.tandem.pqc.catalog.PqcCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises algorithm families in names, in catalog order, with the parameter a pattern captures. */
final class FamilyMatcher {

    record Match(AlgorithmFamily family, String captured) {
    }

    private record Compiled(AlgorithmFamily family, List<Pattern> patterns) {
    }

    private final List<Compiled> families = new ArrayList<>();

    FamilyMatcher(PqcCatalog catalog) {
        for (AlgorithmFamily family : catalog.families()) {
            families.add(new Compiled(family, family.patterns().stream().map(Pattern::compile).toList()));
        }
    }

    /** Upper case, with '_', '/', '.' and blanks as '-', so one pattern covers the usual spellings. */
    static String normalize(String name) {
        return name == null ? "" : name.toUpperCase(Locale.ROOT).replaceAll("[_/.\\s]+", "-");
    }

    /** The first family (in catalog order) found in the name. */
    Optional<Match> first(String name) {
        String text = normalize(name);
        for (Compiled compiled : families) {
            for (Pattern pattern : compiled.patterns()) {
                Matcher m = pattern.matcher(text);
                if (m.find()) {
                    return Optional.of(new Match(compiled.family(), captured(m)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Every family found in a composite name such as a TLS cipher suite; a matched span is blanked
     * so that "ECDSA" is not found again as "DSA".
     */
    List<Match> all(String name) {
        StringBuilder text = new StringBuilder(normalize(name));
        List<Match> matches = new ArrayList<>();
        for (Compiled compiled : families) {
            for (Pattern pattern : compiled.patterns()) {
                Matcher m = pattern.matcher(text);
                boolean found = false;
                while (m.find()) {
                    if (m.end() == m.start()) {
                        continue;
                    }
                    if (!found) {
                        matches.add(new Match(compiled.family(), captured(m)));
                        found = true;
                    }
                    for (int i = m.start(); i < m.end(); i++) {
                        text.setCharAt(i, ' ');
                    }
                }
            }
        }
        return matches;
    }

    private static String captured(Matcher m) {
        try {
            return m.group("p");
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }
}
