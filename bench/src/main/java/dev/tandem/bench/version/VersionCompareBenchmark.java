package dev.tandem.bench.version;

import dev.tandem.version.InvalidVersionException;
import dev.tandem.version.Version;
import dev.tandem.version.VersionScheme;
import dev.tandem.version.VersionSchemes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Comparisons per second on pre-parsed versions, per scheme, for plain numeric versions (SIMPLE)
 * and versions with qualifiers, prereleases, epochs and revisions (COMPLEX). Inputs are fixed so
 * runs are comparable; each invocation compares one neighbouring pair of a ring of versions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class VersionCompareBenchmark {

    /** Benchmark inputs: the ecosystem and the kind of version strings. */
    public enum Complexity { SIMPLE, COMPLEX }

    private static final Map<String, List<String>> SIMPLE = Map.ofEntries(
            Map.entry("Maven", List.of("1.0.0", "1.2.3", "2.0", "2.10.1", "3.4.5", "10.0.1", "1.2.10", "0.9.9")),
            Map.entry("npm", List.of("1.0.0", "1.2.3", "2.0.0", "2.10.1", "3.4.5", "10.0.1", "1.2.10", "0.9.9")),
            Map.entry("PyPI", List.of("1.0.0", "1.2.3", "2.0", "2.10.1", "3.4.5", "10.0.1", "1.2.10", "0.9.9")),
            Map.entry("Go", List.of("v1.0.0", "v1.2.3", "v2.0.0", "v2.10.1", "v3.4.5", "v10.0.1", "v1.2.10", "v0.9.9")),
            Map.entry("crates.io", List.of("1.0.0", "1.2.3", "2.0.0", "2.10.1", "3.4.5", "10.0.1", "1.2.10", "0.9.9")),
            Map.entry("NuGet", List.of("1.0.0", "1.2.3", "2.0.0", "2.10.1", "3.4.5.6", "10.0.1", "1.2.10", "0.9.9")),
            Map.entry("RubyGems", List.of("1.0.0", "1.2.3", "2.0", "2.10.1", "3.4.5", "10.0.1", "1.2.10", "0.9.9")),
            Map.entry("Packagist", List.of("1.0.0", "1.2.3", "2.0", "2.10.1", "3.4.5", "10.0.1", "1.2.10", "0.9.9")),
            Map.entry("Debian", List.of("1.0.0", "1.2.3", "2.0", "2.10.1", "3.4.5", "10.0.1", "1.2.10", "0.9.9")),
            Map.entry("Alpine", List.of("1.0.0", "1.2.3", "2.0", "2.10.1", "3.4.5", "10.0.1", "1.2.10", "0.9.9")),
            Map.entry("Red Hat", List.of("1.0.0", "1.2.3", "2.0", "2.10.1", "3.4.5", "10.0.1", "1.2.10", "0.9.9")));

    private static final Map<String, List<String>> COMPLEX = Map.ofEntries(
            Map.entry("Maven", List.of("1.0-alpha-1", "1.0-SNAPSHOT", "1.0.0.Final", "2.5-BETA3", "9.4.12.v20180830",
                    "3.0.0-rc-1", "1.0-sp1", "2.0.0.RELEASE")),
            Map.entry("npm", List.of("1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.11", "1.0.0-rc.1+build.5", "2.0.0-0",
                    "2.0.0-x.7.z.92", "1.0.0", "2.0.0-rc.1")),
            Map.entry("PyPI", List.of("1.0.dev456", "1.0a1.dev1+local", "1.0b2.post345.dev456", "1.0rc1", "1!1.0.post456",
                    "1.2+1.abc", "2.0.0rc2", "1.0.post456+local")),
            Map.entry("Go", List.of("v0.0.0-20191109021931-daa7c04131f5", "v1.2.3-pre.1", "v2.0.0+incompatible",
                    "v1.2.3-0.20230101120000-abcdef123456", "v1.0.0-alpha.beta", "v1.2.3", "v1.2.4-rc.1", "v0.0.0-20200101000000-0123456789ab")),
            Map.entry("crates.io", List.of("1.0.0-alpha.1", "1.0.0-beta.11", "1.0.0-rc.1+build.5", "0.3.0-pre", "1.0.0",
                    "2.0.0-x.7", "0.1.0-alpha", "1.2.3+meta")),
            Map.entry("NuGet", List.of("1.0.0-BETA.X.y.5.77.0+AA", "1.0.0-beta.x.y.5.79.0", "6.0.0-preview.4.21253.7",
                    "1.0.0.1-alpha", "2.0.0-rc.1", "1.0.0+meta", "6.0.0-PREVIEW.5", "1.0.0-beta2")),
            Map.entry("RubyGems", List.of("5.0.0.beta1.1", "5.0.0.racecar1", "1.2.0.pre6", "3.0.0.rc2", "4.2.11.3",
                    "1.0.a.2", "2.3.9.pre", "1.0.0-beta.2")),
            Map.entry("Packagist", List.of("v5.0.0-RC", "1.0.0alpha1", "6.4.0.0-RC1", "8.2.0RC2", "1.0-dev", "1.0pl1",
                    "v1.0-beta", "4.3-2RC1")),
            Map.entry("Debian", List.of("1:2.2.27-3+deb9u2~bpo8+1", "2.6.26-13lenny2~bpo40+1", "0.9.8o-4squeeze4~bpo50+1",
                    "5.2.0+dfsg-8+etch15", "1.1.0l-1~deb9u5", "2.7.4+reloaded2-13ubuntu1", "1:1.0.15-2.3", "2:0.0.44-nobin")),
            Map.entry("Alpine", List.of("1.8.7_p174-r7", "2.9.11_pre20051101-r2", "0.1.0_alpha_pre2", "1.2.5_rc2", "6.09-r1",
                    "2.3.0b-r4", "1.0.0_pre20191002222144-r0", "3.1_p16")),
            Map.entry("Red Hat", List.of("0:3.10.0-229.1.2.ael7b", "1:2.4.21-9.0.1.EL", "1.0~rc1^git1", "1.0^20160101^git1",
                    "0:1.2.3-4.el9_1", "2:1.0-1.module+el8.4.0+9821+1234abcd", "1.0~rc1~git123", "1:1.0-1.fc39")));

    @Param({"Maven", "npm", "PyPI", "Go", "crates.io", "NuGet", "RubyGems", "Packagist", "Debian", "Alpine", "Red Hat"})
    public String scheme;

    @Param({"SIMPLE", "COMPLEX"})
    public Complexity complexity;

    private Version[] versions;
    private int index;

    @Setup
    public void parse() throws InvalidVersionException {
        VersionScheme s = VersionSchemes.forEcosystem(scheme).orElseThrow();
        List<String> texts = (complexity == Complexity.SIMPLE ? SIMPLE : COMPLEX).get(scheme);
        versions = new Version[texts.size()];
        for (int i = 0; i < versions.length; i++) {
            versions[i] = s.parse(texts.get(i));
        }
    }

    @Benchmark
    public int compare() {
        int i = index;
        index = (i + 1) & 7;
        return versions[i].compareTo(versions[(i + 1) & 7]);
    }
}
