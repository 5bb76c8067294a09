package dev.tandem.bench.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A synthetic OSV corpus of {@code size} advisories, every advisory a pure function of
 * {@code (seed, index)}: the corpus can be written in any order or in parallel, and an SBOM
 * generator can re-derive any advisory without reading files. {@link java.util.Random} is used
 * because its sequence is specified, so a seed gives the same corpus on every JVM.
 *
 * <p>Shape (calibrated on the real Go and RustSec data in shared/data, see docs/performance.md):
 * about 79% of advisories name one package, 11% two, the rest up to 13; ranges have one event
 * (introduced only) 37% of the time, an introduced/fixed pair 49%, two to six pairs otherwise;
 * 6% end in {@code last_affected} instead of {@code fixed}, 1% carry a {@code limit}, 3% add a GIT
 * range; a third of the ECOSYSTEM ranges of language ecosystems enumerate their {@code versions};
 * malicious-package reports (MAL) list versions only; distribution advisories name one to three
 * releases of the same package and share CVEs across distributions (alias merging at scale).
 */
public final class CorpusModel {

    private static final Ecosystem[] ECOSYSTEMS = Ecosystem.values();
    private static final String GHSA_ALPHABET = "23456789cfghjmpqrvwx";
    /** Popularity skew: package {@code pool * u^SKEW} is drawn, so low-numbered packages collect more advisories. */
    private static final double SKEW = 1.6;

    private final long seed;
    private final int size;
    private final int distroCvePool;

    public CorpusModel(long seed, int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a corpus holds at least one advisory");
        }
        this.seed = seed;
        this.size = size;
        this.distroCvePool = Math.max(1, (int) (size * 0.54 / 2.5));
    }

    public long seed() {
        return seed;
    }

    public int size() {
        return size;
    }

    Random random(long salt, long index) {
        // Random's first draws follow neighbouring seeds closely: spread (seed, salt, index) first.
        return new Random(mix(mix(seed * 0x9E3779B97F4A7C15L + salt) + index));
    }

    /** The ecosystem of advisory {@code index}: the first draw of its generator, cheap to ask alone. */
    Ecosystem ecosystemOf(int index) {
        return pickEcosystem(random(1, index).nextDouble());
    }

    private static Ecosystem pickEcosystem(double u) {
        double cumulative = 0;
        for (Ecosystem ecosystem : ECOSYSTEMS) {
            cumulative += ecosystem.share;
            if (u < cumulative) {
                return ecosystem;
            }
        }
        return ECOSYSTEMS[ECOSYSTEMS.length - 1];
    }

    /** How many distinct packages advisories of the ecosystem name (popular packages get many advisories). */
    int poolSize(Ecosystem ecosystem) {
        return ecosystem == Ecosystem.LINUX ? 1 : Math.max(20, (int) (size * ecosystem.share * 0.45));
    }

    /** Package {@code j} of the ecosystem's name space; names beyond {@link #poolSize} are never advised. */
    static String packageName(Ecosystem ecosystem, int j) {
        String noun = Words.NOUNS[j % Words.NOUNS.length];
        String adjective = Words.ADJECTIVES[(j / Words.NOUNS.length) % Words.ADJECTIVES.length];
        int round = j / (Words.NOUNS.length * Words.ADJECTIVES.length);
        String suffix = round == 0 ? "" : Integer.toString(round);
        return switch (ecosystem) {
            case NPM -> j % 5 == 0 ? "@" + adjective + "/" + noun + suffix : adjective + "-" + noun + suffix;
            case PYPI -> adjective + (j % 3 == 0 ? "_" : "-") + noun + suffix;
            case MAVEN -> "org." + adjective + suffix + ":" + noun + "-core";
            case GO -> "github.com/" + adjective + suffix + "/" + noun;
            case CRATES, RUBYGEMS -> adjective + "_" + noun + suffix;
            case NUGET -> capital(adjective) + "." + capital(noun) + suffix;
            case PACKAGIST -> adjective + suffix + "/" + noun;
            case DEBIAN, UBUNTU, ALPINE, REDHAT, SUSE -> j % 2 == 0 ? "lib" + noun + suffix : noun + "-" + adjective + suffix;
            case LINUX -> "Kernel";
        };
    }

    private static String capital(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /** A version of the ecosystem from a code {@code major * 10000 + minor * 100 + patch} and a package revision. */
    static String version(Ecosystem ecosystem, String release, int code, int revision) {
        String base = (code / 10000) + "." + (code / 100 % 100) + "." + (code % 100);
        return switch (ecosystem) {
            case DEBIAN -> base + "-" + revision;
            case UBUNTU -> base + "-" + revision + "ubuntu0.1";
            case ALPINE -> base + "-r" + revision;
            case REDHAT -> base + "-" + revision + ".el" + release;
            case SUSE -> base + "-150500." + revision + ".1";
            default -> base;
        };
    }

    /** The releases a distribution advisory can name, as OSV writes the ecosystem, and the purl distro. */
    static String[][] releases(Ecosystem ecosystem) {
        return switch (ecosystem) {
            case DEBIAN -> new String[][] {{"Debian:11", "11", "debian-11"}, {"Debian:12", "12", "debian-12"},
                    {"Debian:13", "13", "debian-13"}};
            case UBUNTU -> new String[][] {{"Ubuntu:20.04:LTS", "20.04", "ubuntu-20.04"},
                    {"Ubuntu:22.04:LTS", "22.04", "ubuntu-22.04"}, {"Ubuntu:24.04:LTS", "24.04", "ubuntu-24.04"}};
            case ALPINE -> new String[][] {{"Alpine:v3.18", "3.18", "alpine-3.18"}, {"Alpine:v3.19", "3.19", "alpine-3.19"},
                    {"Alpine:v3.20", "3.20", "alpine-3.20"}};
            case REDHAT -> new String[][] {{"Red Hat:enterprise_linux:8::appstream", "8", "rhel-8"},
                    {"Red Hat:enterprise_linux:9::baseos", "9", "rhel-9"}};
            case SUSE -> new String[][] {{"SUSE:Linux Enterprise Server 15 SP5", "", "sles-15"},
                    {"SUSE:Linux Enterprise Server 15 SP6", "", "sles-15"}};
            default -> new String[][] {{ecosystem.osvName, "", ""}};
        };
    }

    /** Advisory {@code index} as the OSV JSON record the corpus holds (for benchmarks that need single records). */
    public byte[] osvJson(int index) {
        return OsvJson.write(plan(index));
    }

    /** The plan of advisory {@code index} (0-based). */
    Plans.Advisory plan(int index) {
        Random r = random(1, index);
        Ecosystem ecosystem = pickEcosystem(r.nextDouble());
        int year = 2015 + r.nextInt(11);
        boolean malicious = ecosystem == Ecosystem.NPM && r.nextDouble() < 0.40;
        List<String> aliases = new ArrayList<>(3);
        String cve = cve(r, ecosystem, index);
        String id = id(r, ecosystem, index, year, malicious, cve);
        if (!malicious && ecosystem != Ecosystem.LINUX) {
            boolean usesCve = ecosystem.distribution ? r.nextDouble() < 0.5 : r.nextDouble() < 0.8;
            if (usesCve) {
                aliases.add(cve);
            }
            if ((ecosystem == Ecosystem.GO || ecosystem == Ecosystem.CRATES || id.startsWith("PYSEC"))
                    && r.nextDouble() < 0.7) {
                aliases.add(ghsa(index + (1L << 40)));
            }
        }
        int affectedCount = malicious || ecosystem == Ecosystem.LINUX ? 1 : affectedCount(r, ecosystem);
        int pool = poolSize(ecosystem);
        // Malicious-package reports name throw-away packages of their own; others favour popular packages.
        int packageIndex = malicious ? pool + index : (int) (pool * Math.pow(r.nextDouble(), SKEW));
        List<Plans.Affected> affected = new ArrayList<>(affectedCount);
        String[][] releases = releases(ecosystem);
        int firstRelease = r.nextInt(releases.length);
        for (int a = 0; a < affectedCount; a++) {
            String[] release;
            int pkg;
            if (ecosystem.distribution) {
                release = releases[(firstRelease + a) % releases.length];
                pkg = packageIndex; // one package across releases, as distribution trackers write it
            } else {
                release = releases[0];
                pkg = a == 0 ? packageIndex : (int) (pool * Math.pow(r.nextDouble(), SKEW));
            }
            affected.add(malicious ? maliciousAffected(r, pkg) : affected(r, ecosystem, release, pkg));
        }
        String problem = malicious ? "Malicious code" : Words.pick(r, Words.PROBLEMS);
        String summary = problem + " in " + affected.get(0).name();
        StringBuilder details = new StringBuilder();
        int sentences = 2 + r.nextInt(5);
        for (int s = 0; s < sentences; s++) {
            details.append(s == 0 ? "" : " ").append(Words.sentence(r, 8 + r.nextInt(13)));
        }
        String severityType = "";
        String severityVector = "";
        double severityDraw = r.nextDouble();
        if (!malicious && severityDraw < 0.45) {
            severityType = "CVSS_V3";
            severityVector = cvss3(r);
        } else if (!malicious && severityDraw < 0.50) {
            severityType = "CVSS_V4";
            severityVector = cvss4(r);
        }
        boolean withdrawn = r.nextDouble() < 0.005;
        int references = 1 + r.nextInt(5);
        List<String> urls = new ArrayList<>(references);
        for (int k = 0; k < references; k++) {
            urls.add("https://example.org/" + ecosystem.folder().toLowerCase(Locale.ROOT) + "/advisories/" + id + "/" + k);
        }
        return new Plans.Advisory(index, id, ecosystem, aliases, summary, details.toString(), severityType,
                severityVector, affected, withdrawn, year, urls);
    }

    private static int affectedCount(Random r, Ecosystem ecosystem) {
        double u = r.nextDouble();
        if (ecosystem.distribution) {
            return u < 0.55 ? 1 : u < 0.85 ? 2 : 3;
        }
        if (u < 0.79) {
            return 1;
        }
        if (u < 0.90) {
            return 2;
        }
        if (u < 0.94) {
            return 3;
        }
        if (u < 0.987) {
            return 4;
        }
        return 5 + r.nextInt(9);
    }

    private String cve(Random r, Ecosystem ecosystem, int index) {
        boolean shared = ecosystem.distribution || r.nextDouble() < 0.05;
        long number = shared ? 1_000_000L + Math.floorMod(mix(index * 31L + 7), distroCvePool) : 10_000L + index;
        return "CVE-" + (2015 + number % 11) + "-" + number;
    }

    private String id(Random r, Ecosystem ecosystem, int index, int year, boolean malicious, String cve) {
        String number = String.format(Locale.ROOT, "%04d", index);
        return switch (ecosystem) {
            case NPM -> malicious ? "MAL-" + year + "-" + number : ghsa(index);
            case PYPI -> r.nextBoolean() ? "PYSEC-" + year + "-" + number : ghsa(index);
            case GO -> "GO-" + year + "-" + number;
            case CRATES -> "RUSTSEC-" + year + "-" + number;
            case DEBIAN -> r.nextDouble() < 0.7 ? "DEBIAN-" + cve + "-" + number : (r.nextBoolean() ? "DSA-" : "DLA-") + number + "-1";
            case UBUNTU -> "UBUNTU-" + cve + "-" + number;
            case ALPINE -> "ALPINE-" + cve + "-" + number;
            case REDHAT -> "RHSA-" + year + ":" + number;
            case SUSE -> "SUSE-SU-" + year + ":" + number + "-1";
            case LINUX -> "CVE-" + year + "-" + (9_000_000 + index);
            default -> ghsa(index);
        };
    }

    /** A GHSA id (three groups of four characters of GitHub's alphabet); distinct indices collide with negligible probability. */
    private String ghsa(long index) {
        long value = Math.floorMod(mix(index) ^ seed, 1L << 50);
        StringBuilder id = new StringBuilder("GHSA-");
        for (int i = 0; i < 12; i++) {
            if (i == 4 || i == 8) {
                id.append('-');
            }
            id.append(GHSA_ALPHABET.charAt((int) (value % 20)));
            value /= 20;
        }
        return id.toString();
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private Plans.Affected maliciousAffected(Random r, int pkg) {
        String name = packageName(Ecosystem.NPM, pkg);
        int listed = 1 + r.nextInt(3);
        List<String> versions = new ArrayList<>(listed);
        int code = 10000 * r.nextInt(3) + 100 * r.nextInt(10) + r.nextInt(20);
        for (int v = 0; v < listed; v++) {
            versions.add(version(Ecosystem.NPM, "", code + v, 0));
        }
        List<Plans.Range> ranges = List.of(new Plans.Range("SEMVER", List.of(new Plans.Event("introduced", "0"))));
        return new Plans.Affected(Ecosystem.NPM, "npm", name, "", ranges, versions, versions.get(0), "");
    }

    private Plans.Affected affected(Random r, Ecosystem ecosystem, String[] release, int pkg) {
        String name = packageName(ecosystem, pkg);
        int events = eventCount(r);
        int pairs = (events + 1) / 2;
        boolean openEnded = events % 2 == 1; // introduced only, at the end
        int[] codes = new int[pairs * 2];
        int code = 10000 * r.nextInt(4) + 100 * (1 + r.nextInt(20)) + r.nextInt(30);
        for (int i = 0; i < codes.length; i++) {
            codes[i] = code;
            code += 1 + r.nextInt(i % 2 == 0 ? 400 : 12000);
        }
        int revision = 1 + r.nextInt(5);
        String rel = release[1];
        List<Plans.Event> list = new ArrayList<>(events + 1);
        boolean fromZero = r.nextDouble() < 0.5;
        boolean lastAffected = r.nextDouble() < 0.06;
        String vulnerable = null;
        String safe = "";
        for (int p = 0; p < pairs; p++) {
            String introduced = p == 0 && fromZero ? "0" : version(ecosystem, rel, codes[2 * p], revision);
            list.add(new Plans.Event("introduced", introduced));
            if (vulnerable == null) {
                vulnerable = introduced.equals("0") ? version(ecosystem, rel, 1, revision) : introduced;
            }
            boolean last = p == pairs - 1;
            if (last && openEnded) {
                break;
            }
            String closing = version(ecosystem, rel, codes[2 * p + 1], revision);
            if (last && lastAffected) {
                list.add(new Plans.Event("last_affected", closing));
                safe = version(ecosystem, rel, codes[2 * p + 1] + 1, revision);
            } else {
                list.add(new Plans.Event("fixed", closing));
                safe = closing;
            }
        }
        if (r.nextDouble() < 0.01) {
            list.add(new Plans.Event("limit", version(ecosystem, rel, codes[codes.length - 1] + 5000, revision)));
        }
        List<Plans.Range> ranges = new ArrayList<>(2);
        ranges.add(new Plans.Range(ecosystem.semverRanges() ? "SEMVER" : "ECOSYSTEM", list));
        if (!ecosystem.distribution && r.nextDouble() < 0.03) {
            ranges.add(new Plans.Range("GIT", List.of(new Plans.Event("introduced", commit(r)),
                    new Plans.Event("fixed", commit(r)))));
        }
        List<String> versions = List.of();
        if (!ecosystem.distribution && !ecosystem.semverRanges() && ecosystem != Ecosystem.LINUX && r.nextDouble() < 0.35) {
            int from = fromZero ? 1 : codes[0];
            int to = codes[1];
            int count = Math.min(30, 1 + r.nextInt(20));
            List<String> listed = new ArrayList<>(count);
            int step = Math.max(1, (to - from) / count);
            for (int v = from; v < to && listed.size() < count; v += step) {
                listed.add(version(ecosystem, rel, v, revision));
            }
            versions = listed;
        }
        return new Plans.Affected(ecosystem, release[0], name, release[2], ranges, versions, vulnerable, safe);
    }

    private static int eventCount(Random r) {
        double u = r.nextDouble();
        if (u < 0.37) {
            return 1;
        }
        if (u < 0.86) {
            return 2;
        }
        if (u < 0.93) {
            return 4;
        }
        if (u < 0.97) {
            return 6;
        }
        return 8 + 2 * r.nextInt(3);
    }

    private static String commit(Random r) {
        StringBuilder hash = new StringBuilder(40);
        for (int i = 0; i < 40; i++) {
            hash.append(Character.forDigit(r.nextInt(16), 16));
        }
        return hash.toString();
    }

    private static final String[][] CVSS3 = {{"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"PR", "N", "L", "H"},
            {"UI", "N", "R"}, {"S", "U", "C"}, {"C", "H", "L", "N"}, {"I", "H", "L", "N"}, {"A", "H", "L", "N"}};
    private static final String[][] CVSS4 = {{"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"AT", "N", "P"},
            {"PR", "N", "L", "H"}, {"UI", "N", "P", "A"}, {"VC", "H", "L", "N"}, {"VI", "H", "L", "N"},
            {"VA", "H", "L", "N"}, {"SC", "H", "L", "N"}, {"SI", "H", "L", "N"}, {"SA", "H", "L", "N"}};

    private static String cvss3(Random r) {
        return vector("CVSS:3.1", CVSS3, r);
    }

    private static String cvss4(Random r) {
        return vector("CVSS:4.0", CVSS4, r);
    }

    private static String vector(String prefix, String[][] metrics, Random r) {
        StringBuilder vector = new StringBuilder(prefix);
        for (String[] metric : metrics) {
            vector.append('/').append(metric[0]).append(':').append(metric[1 + r.nextInt(metric.length - 1)]);
        }
        return vector.toString();
    }
}
