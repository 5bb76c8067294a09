package dev.tandem.render.html;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the catalog's source citations ("CRA Art 14(2)(a)", "17 CFR 229.106", "NIST IR 8425") into links to
 * the official text (EUR-Lex, eCFR, Federal Register, NIST), the citation itself as the words. The link
 * goes to the instrument; the words name the article. Parts that point at Tandem's own working notes
 * rather than the law are left out of documents.
 */
public final class LegalSources {

    private record Rule(Pattern pattern, String url) {
    }

    private static final List<Rule> INSTRUMENTS = List.of(
            new Rule(Pattern.compile("(?i)\\bCRA\\b|2024/2847|Cyber Resilience Act"), "https://eur-lex.europa.eu/eli/reg/2024/2847/oj"),
            new Rule(Pattern.compile("(?i)\\bNIS ?2\\b|2022/2555"), "https://eur-lex.europa.eu/eli/dir/2022/2555/oj"),
            new Rule(Pattern.compile("(?i)RTS 2025/301|2025/301"), "https://eur-lex.europa.eu/eli/reg_del/2025/301/oj"),
            new Rule(Pattern.compile("(?i)\\bDORA\\b|2022/2554"), "https://eur-lex.europa.eu/eli/reg/2022/2554/oj"),
            new Rule(Pattern.compile("(?i)\\bGDPR\\b|2016/679"), "https://eur-lex.europa.eu/eli/reg/2016/679/oj"),
            new Rule(Pattern.compile("(?i)1182/71|1971/1182"), "https://eur-lex.europa.eu/eli/reg/1971/1182/oj"),
            new Rule(Pattern.compile("(?i)CIRCIA|6 U\\.S\\.C\\.? ?§ ?681"), "https://www.law.cornell.edu/uscode/text/6/681b"),
            new Rule(Pattern.compile("(?i)6 CFR 226"), "https://www.federalregister.gov/documents/2024/04/04/2024-06526"),
            new Rule(Pattern.compile("(?i)Form 8-K|Release 33-11216|17 CFR 229\\.106"), "https://www.ecfr.gov/current/title-17/section-229.106"),
            new Rule(Pattern.compile("(?i)23 NYCRR 500"), "https://www.law.cornell.edu/regulations/new-york/23-NYCRR-500.17"),
            new Rule(Pattern.compile("(?i)DFARS 252\\.204-7012"), "https://www.acquisition.gov/dfars/252.204-7012-safeguarding-covered-defense-information-and-cyber-incident-reporting."),
            new Rule(Pattern.compile("(?i)CIP-008"), "https://www.nerc.com/pa/Stand/Reliability%20Standards/CIP-008-6.pdf"),
            new Rule(Pattern.compile("(?i)NIST IR 8425"), "https://doi.org/10.6028/NIST.IR.8425"),
            new Rule(Pattern.compile("(?i)NIST IR 8547"), "https://doi.org/10.6028/NIST.IR.8547.ipd"),
            new Rule(Pattern.compile("(?i)NIST IR 8477"), "https://doi.org/10.6028/NIST.IR.8477"));

    /** "45 CFR 164.404": a CFR section, linked to that section on eCFR. */
    private static final Pattern CFR = Pattern.compile("\\b(\\d{1,2}) CFR (\\d+)\\.(\\d+)");
    /** "89 FR 23644": a Federal Register page, linked to its citation page. */
    private static final Pattern FR = Pattern.compile("\\b(\\d{2,3}) FR (\\d{3,6})\\b");
    /** Working notes of the catalog's authors, not a legal source. */
    /** A sentence about the catalog's working material. */
    private static final Pattern INTERNAL_NOTE = Pattern.compile("(?i)research|reference §|reference section|\\bnotes? ?§");
    private static final Pattern INTERNAL = Pattern.compile("(?i)\\breference §|research note|Tandem classification of reference");

    private LegalSources() {
    }

    /** The citation with every part linked where its instrument is known; internal notes dropped. */
    public static Text link(String source) {
        return link(source, null);
    }

    /** As {@link #link(String)}, linking unrecognised parts to {@code fallbackUrl} (the instrument a framework names). */
    public static Text link(String source, String fallbackUrl) {
        Text text = Text.empty();
        if (source == null || source.isBlank()) {
            return text;
        }
        List<String> parts = new ArrayList<>();
        for (String part : source.split(";")) {
            String p = part.strip();
            if (!p.isEmpty() && !INTERNAL.matcher(p).find()) {
                parts.add(p);
            }
        }
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                text.plain("; ");
            }
            String part = parts.get(i);
            String url = url(part);
            text.link(part, url == null ? fallbackUrl : url);
        }
        return text;
    }

    /**
     * A catalog note as a document prints it: the sentences that speak of the catalog's working notes
     * (research notes, reference sections) left out; empty when nothing else is left.
     */
    public static String publicNote(String note) {
        if (note == null || note.isBlank()) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (String sentence : note.strip().split("(?<=[.;])\\s+")) {
            if (!INTERNAL_NOTE.matcher(sentence).find()) {
                kept.append(kept.isEmpty() ? "" : " ").append(sentence);
            }
        }
        return kept.toString().strip();
    }

    /** Text with any parenthesis that speaks of the catalog's working notes removed: "(research notes, section 6.5)". */
    public static String withoutInternal(String text) {
        if (text == null) {
            return "";
        }
        return text.replaceAll("\\s*\\([^()]*(?i:research|reference §)[^()]*\\)", "").strip();
    }

    /** True when nothing of the citation is left once internal notes are dropped. */
    public static boolean onlyInternal(String source) {
        return link(source).isEmpty();
    }

    /** The official text of a citation's instrument, or null when it is not recognised. */
    public static String url(String citation) {
        Matcher cfr = CFR.matcher(citation);
        if (cfr.find() && !citation.contains("proposed")) {
            return "https://www.ecfr.gov/current/title-" + cfr.group(1) + "/section-" + cfr.group(2) + "." + cfr.group(3);
        }
        Matcher fr = FR.matcher(citation);
        if (fr.find()) {
            return "https://www.federalregister.gov/citation/" + fr.group(1) + "-FR-" + fr.group(2);
        }
        for (Rule rule : INSTRUMENTS) {
            if (rule.pattern().matcher(citation).find()) {
                return rule.url();
            }
        }
        return null;
    }
}
