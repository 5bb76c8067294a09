package dev.tandem.match;

import java.util.Map;

/** Debian release codenames, as they appear in purl {@code distro} qualifiers ({@code distro=bookworm}). */
final class DebianCodenames {

    private static final Map<String, String> RELEASES = Map.ofEntries(
            Map.entry("wheezy", "7"), Map.entry("jessie", "8"), Map.entry("stretch", "9"),
            Map.entry("buster", "10"), Map.entry("bullseye", "11"), Map.entry("bookworm", "12"),
            Map.entry("trixie", "13"), Map.entry("forky", "14"), Map.entry("duke", "15"));

    private DebianCodenames() {
    }

    static String release(String codename) {
        return RELEASES.getOrDefault(codename, "");
    }
}
