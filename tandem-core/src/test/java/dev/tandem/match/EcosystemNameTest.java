package dev.tandem.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Ecosystem names as OSV writes them, split into base and release: the answers of the
 * regular-expression splitter they replace (kept below as the specification), and the cache of
 * answers per ecosystem as written.
 */
class EcosystemNameTest {

    private static final List<String> WRITTEN = List.of("Debian:12", "Debian:11", "Debian", " Debian:12 ",
            "Ubuntu:Pro:22.04:LTS", "Ubuntu:22.04:LTS", "Ubuntu:jammy", "Ubuntu:Pro:FIPS-updates:20.04:LTS",
            "Alpine:v3.18", "Alpine:v3.18.4", "Alpine:edge", "Red Hat:enterprise_linux:9::appstream",
            "Red Hat:rhel_aus:8.4::baseos", "Rocky Linux:8", "AlmaLinux:el9", "SUSE:Linux Enterprise Server 15 SP5",
            "openSUSE:Leap 15.5", "Mageia:9", "Debian:bookworm", "Debian:-", "Debian::", "Debian:v", "Debian:el",
            "Debian:v1x", "Debian:el8.2", "Ubuntu:24.04.1", "Ubuntu:5", ":7", "", "   ", "PyPI", "npm",
            "Ubuntu:Pro:trusty:LTS-esm", "Wolfi:", "Alpine:v3", "Debian:1..2", "Debian:-12-", "BELLSOFT:Hardened 3.x");

    @Test
    void splitsAsTheRegularExpressionSplitterDid() {
        for (String ecosystem : WRITTEN) {
            assertThat(EcosystemName.parse(ecosystem)).as(ecosystem).isEqualTo(reference(ecosystem));
        }
        assertThat(EcosystemName.parse("Debian:12")).isEqualTo(new EcosystemName("Debian", "12"));
        assertThat(EcosystemName.parse("Ubuntu:Pro:22.04:LTS")).isEqualTo(new EcosystemName("Ubuntu", "22.04"));
        assertThat(EcosystemName.parse("Alpine:v3.18")).isEqualTo(new EcosystemName("Alpine", "3.18"));
        assertThat(EcosystemName.parse("Red Hat:enterprise_linux:9::appstream"))
                .isEqualTo(new EcosystemName("Red Hat", "9"));
        assertThat(EcosystemName.parse(null)).isEqualTo(new EcosystemName("", ""));
    }

    @Test
    void normalisesPurlDistrosAsBefore() {
        for (String distro : List.of("bookworm", "debian-12", "12.4", "alpine-3.18.4", "v3.19", "el9", "ubuntu-22.04",
                "jammy", "rhel-8.4", "", "-", "::", "fc39", "sles:15:sp5")) {
            for (String base : List.of("Debian", "Alpine", "Ubuntu", "Red Hat")) {
                assertThat(EcosystemName.normaliseRelease(base, distro)).as(base + " " + distro)
                        .isEqualTo(referenceRelease(base, distro));
            }
        }
    }

    @Test
    void answersEachEcosystemOnceThenFromTheCache() {
        String written = "Debian:" + System.nanoTime() % 1000 + "-cache-test";
        EcosystemName first = EcosystemName.parse(written);
        assertThat(EcosystemName.parse(new String(written.toCharArray()))).isSameAs(first);
        assertThat(first).isEqualTo(reference(written));
    }

    @Test
    void moreDistinctEcosystemsThanTheCacheHoldsAreStillAnswered() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < EcosystemName.CACHED * 2; i++) {
            many.add("Flood" + i + ":v" + i + ".1");
        }
        for (int round = 0; round < 2; round++) {
            for (String ecosystem : many) {
                assertThat(EcosystemName.parse(ecosystem)).isEqualTo(reference(ecosystem));
            }
        }
        assertThat(IndexEntry.keyOf(new dev.tandem.advisory.AffectedPackage(" PyPI:3 ", "Django_Rest.Framework", "",
                new dev.tandem.version.AffectedVersions(List.of(), List.of()), List.of())))
                .isEqualTo(new PackageKey("PyPI", "django-rest-framework"));
    }

    /** EcosystemName.parse as it was written before the cache (commit 85806e1). */
    private static EcosystemName reference(String ecosystem) {
        String text = ecosystem == null ? "" : ecosystem.strip();
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new EcosystemName(text, "");
        }
        String base = text.substring(0, colon);
        return new EcosystemName(base, referenceRelease(base, text.substring(colon + 1)));
    }

    private static String referenceRelease(String base, String designation) {
        String lower = designation.toLowerCase(Locale.ROOT);
        for (String part : lower.split("[:\\-]")) {
            String candidate = part.startsWith("v") && part.length() > 1 && Character.isDigit(part.charAt(1))
                    ? part.substring(1) : part;
            if (candidate.startsWith("el") && candidate.length() > 2 && Character.isDigit(candidate.charAt(2))) {
                candidate = candidate.substring(2);
            }
            if (!candidate.isEmpty() && Character.isDigit(candidate.charAt(0))) {
                String[] parts = candidate.split("\\.");
                boolean majorMinor = base.equalsIgnoreCase("Alpine") || base.equalsIgnoreCase("Ubuntu");
                return majorMinor && parts.length >= 2 ? parts[0] + "." + parts[1] : parts[0];
            }
            String codename = DistroCodenames.release(candidate);
            if (!codename.isEmpty()) {
                return codename;
            }
        }
        return "";
    }
}
