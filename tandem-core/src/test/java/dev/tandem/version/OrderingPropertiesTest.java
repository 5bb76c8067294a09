package dev.tandem.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every scheme is a total order on the versions it accepts: reflexive equality, antisymmetry and
 * transitivity, checked on generated versions built from each ecosystem's own vocabulary.
 */
class OrderingPropertiesTest {

    /** Suffix vocabulary per scheme (joined after a numeric core); chosen to hit each scheme's special cases. */
    private static final Map<String, List<String>> SUFFIXES = Map.ofEntries(
            Map.entry("SEMVER", List.of("", "-alpha", "-alpha.1", "-beta.2", "-rc.1", "-0", "-1.a", "-Z", "+build", "+b.1", "-x.7+meta")),
            Map.entry("npm", List.of("", "-alpha", "-alpha.1", "-beta.11", "-rc.1", "-0", "-A", "+build")),
            Map.entry("Go", List.of("", "-pre", "-0.20230101120000-abcdef123456", "-alpha.1", "+incompatible")),
            Map.entry("crates.io", List.of("", "-alpha", "-beta.2", "-rc.1", "+build.5")),
            Map.entry("Maven", List.of("", "-alpha-1", "-beta", "-SNAPSHOT", "-rc1", "-RC2", ".Final", "-ga", "-sp1", "a1", "-1",
                    "-xyz", "-milestone-2", ".RELEASE", "-2021-05-17T01-01-51")),
            Map.entry("PyPI", List.of("", "a1", "b2", "rc1", "c1", ".post1", ".dev3", "-1", "+local.7", "+abc", ".post2.dev1",
                    "-SNAPSHOT", "_beta", "-pre", "x")),
            Map.entry("NuGet", List.of("", "-alpha", "-ALPHA.1", "-beta.2", "-rc.10", "-preview.4", "+meta", "-1")),
            Map.entry("RubyGems", List.of("", ".pre", ".pre.1", ".beta2", ".rc", ".a", "-beta", ".0", ".racecar1")),
            Map.entry("Packagist", List.of("", "-dev", "-alpha1", "-beta2", "-RC1", "rc2", "-pl1", "p1", "-patch1", ".0", "-x")),
            Map.entry("Debian", List.of("", "-1", "-1ubuntu2", "~rc1", "~rc1-1", "+dfsg-2", "-2+deb9u1", "a-1", ".0-0", "~~")),
            Map.entry("Alpine", List.of("", "-r0", "-r12", "_alpha", "_beta2", "_rc1", "_p3", "_git20230101", "a", "b-r1", "_pre1-r2")),
            Map.entry("Red Hat", List.of("", "-1.el9", "-2.el9_1", "~rc1", "^git1", "-1.fc39", ".a", "p1", "-0.1.beta")));

    private static final List<String> PREFIXES = List.of("", "", "", "1:", "2:");

    @Provide
    Arbitrary<List<Version>> threeVersions() {
        return Arbitraries.of(SUFFIXES.keySet().stream().sorted().toList())
                .flatMap(name -> version(name).list().ofSize(3));
    }

    private Arbitrary<Version> version(String scheme) {
        VersionScheme s = scheme.equals("SEMVER") ? VersionSchemes.semver() : VersionSchemes.forEcosystem(scheme).orElseThrow();
        boolean epochs = scheme.equals("Debian") || scheme.equals("Red Hat");
        Arbitrary<String> number = Arbitraries.integers().between(0, 12).map(String::valueOf);
        Arbitrary<String> core = number.list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join(".", parts));
        Arbitrary<String> prefix = epochs ? Arbitraries.of(PREFIXES) : Arbitraries.just("");
        return Combinators.combine(prefix, core, Arbitraries.of(SUFFIXES.get(scheme)))
                .as((p, c, x) -> p + c + x)
                .filter(text -> parses(s, text))
                .map(text -> parse(s, text));
    }

    private static boolean parses(VersionScheme s, String text) {
        try {
            s.parse(text);
            return true;
        } catch (InvalidVersionException e) {
            return false;
        }
    }

    private static Version parse(VersionScheme s, String text) {
        try {
            return s.parse(text);
        } catch (InvalidVersionException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 3000)
    void equalToItselfAndToAReparse(@ForAll("threeVersions") List<Version> v) {
        Version a = v.get(0);
        assertThat(a.compareTo(a)).isZero();
        VersionScheme s = schemeOf(a);
        assertThat(a.compareTo(parse(s, a.text()))).isZero();
    }

    @Property(tries = 3000)
    void antisymmetric(@ForAll("threeVersions") List<Version> v) {
        Version a = v.get(0);
        Version b = v.get(1);
        assertThat(Integer.signum(a.compareTo(b))).as("%s vs %s", a, b).isEqualTo(-Integer.signum(b.compareTo(a)));
    }

    @Property(tries = 3000)
    void transitive(@ForAll("threeVersions") List<Version> v) {
        List<Version> sorted = v.stream().sorted().toList();
        Version a = sorted.get(0);
        Version b = sorted.get(1);
        Version c = sorted.get(2);
        assertThat(a.compareTo(b)).as("%s <= %s", a, b).isLessThanOrEqualTo(0);
        assertThat(b.compareTo(c)).as("%s <= %s", b, c).isLessThanOrEqualTo(0);
        assertThat(a.compareTo(c)).as("%s <= %s (transitivity)", a, c).isLessThanOrEqualTo(0);
        if (a.compareTo(b) == 0 && b.compareTo(c) == 0) {
            assertThat(a.compareTo(c)).isZero();
        }
    }

    // A version only knows its own class; find the scheme that produced it by re-parsing.
    private static VersionScheme schemeOf(Version v) {
        for (String name : SUFFIXES.keySet()) {
            VersionScheme s = name.equals("SEMVER") ? VersionSchemes.semver() : VersionSchemes.forEcosystem(name).orElseThrow();
            try {
                if (s.parse(v.text()).getClass() == v.getClass() && s.parse(v.text()).compareTo(v) == 0) {
                    return s;
                }
            } catch (InvalidVersionException | IllegalArgumentException e) {
                // not this scheme
            }
        }
        throw new IllegalStateException("no scheme for " + v);
    }
}
