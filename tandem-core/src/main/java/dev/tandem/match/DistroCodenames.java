package dev.tandem.match;

import java.util.Map;

/**
 * Debian and Ubuntu release codenames, as they appear in purl {@code distro} qualifiers
 * ({@code distro=bookworm}, {@code distro=jammy}), mapped to the release numbers OSV uses.
 */
final class DistroCodenames {

    private static final Map<String, String> RELEASES = Map.ofEntries(
            // Debian (debian.org/releases)
            Map.entry("wheezy", "7"), Map.entry("jessie", "8"), Map.entry("stretch", "9"),
            Map.entry("buster", "10"), Map.entry("bullseye", "11"), Map.entry("bookworm", "12"),
            Map.entry("trixie", "13"), Map.entry("forky", "14"), Map.entry("duke", "15"),
            // Ubuntu (wiki.ubuntu.com/Releases)
            Map.entry("trusty", "14.04"), Map.entry("xenial", "16.04"), Map.entry("bionic", "18.04"),
            Map.entry("focal", "20.04"), Map.entry("jammy", "22.04"), Map.entry("kinetic", "22.10"),
            Map.entry("lunar", "23.04"), Map.entry("mantic", "23.10"), Map.entry("noble", "24.04"),
            Map.entry("oracular", "24.10"), Map.entry("plucky", "25.04"), Map.entry("questing", "25.10"),
            Map.entry("resolute", "26.04"));

    private DistroCodenames() {
    }

    static String release(String codename) {
        return RELEASES.getOrDefault(codename, "");
    }
}
