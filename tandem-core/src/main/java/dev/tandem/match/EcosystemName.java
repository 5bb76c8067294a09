package dev.tandem.match;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An OSV ecosystem name split into its base and the distribution release it is limited to:
 * {@code "Debian:12"} → Debian, 12; {@code "Ubuntu:Pro:22.04:LTS"} → Ubuntu, 22.04;
 * {@code "Alpine:v3.18"} → Alpine, 3.18; {@code "Red Hat:enterprise_linux:9::appstream"} → Red Hat, 9.
 * The release is empty when the advisory covers every release.
 */
public record EcosystemName(String base, String release) {

    /**
     * Answers already given, per ecosystem as written: a corpus writes a few hundred distinct
     * ecosystems over millions of {@code affected[]} entries. Bounded (emptied when full), so input
     * that writes a new ecosystem per entry costs a parse per entry, not memory.
     */
    private static final Map<String, EcosystemName> PARSED = new ConcurrentHashMap<>();
    static final int CACHED = 1_024;

    /** The base and release of {@code ecosystem} as written (null is the empty ecosystem). */
    public static EcosystemName parse(String ecosystem) {
        if (ecosystem == null) {
            return split("");
        }
        EcosystemName parsed = PARSED.get(ecosystem);
        if (parsed == null) {
            parsed = split(ecosystem);
            if (PARSED.size() >= CACHED) {
                PARSED.clear(); // the ecosystems in use now come back at once
            }
            PARSED.putIfAbsent(ecosystem, parsed);
        }
        return parsed;
    }

    private static EcosystemName split(String ecosystem) {
        String text = ecosystem.strip();
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new EcosystemName(text, "");
        }
        String base = text.substring(0, colon);
        String rest = text.substring(colon + 1);
        return new EcosystemName(base, normaliseRelease(base, rest));
    }

    /** Reduces a release designation to the part that identifies it, the same way for advisories and purls. */
    static String normaliseRelease(String base, String designation) {
        String lower = designation.toLowerCase(Locale.ROOT);
        // The parts between ':' and '-', as split("[:\\-]") gives them (an empty part never answers).
        for (int from = 0, to; from <= lower.length(); from = to + 1) {
            to = separator(lower, from);
            String part = lower.substring(from, to);
            String candidate = part.startsWith("v") && part.length() > 1 && Character.isDigit(part.charAt(1))
                    ? part.substring(1) : part;
            if (candidate.startsWith("el") && candidate.length() > 2 && Character.isDigit(candidate.charAt(2))) {
                candidate = candidate.substring(2);
            }
            if (!candidate.isEmpty() && Character.isDigit(candidate.charAt(0))) {
                return significantPart(base, candidate);
            }
            String codename = DistroCodenames.release(candidate);
            if (!codename.isEmpty()) {
                return codename;
            }
        }
        return "";
    }

    private static int separator(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ':' || c == '-') {
                return i;
            }
        }
        return text.length();
    }

    /** Debian and RPM distributions are identified by their major release, Alpine and Ubuntu by major.minor. */
    private static String significantPart(String base, String version) {
        String[] parts = version.split("\\.");
        boolean majorMinor = base.equalsIgnoreCase("Alpine") || base.equalsIgnoreCase("Ubuntu");
        if (majorMinor && parts.length >= 2) {
            return parts[0] + "." + parts[1];
        }
        return parts[0];
    }
}
