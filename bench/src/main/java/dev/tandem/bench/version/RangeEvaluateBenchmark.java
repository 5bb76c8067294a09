package dev.tandem.bench.version;

import dev.tandem.version.AffectedVersions;
import dev.tandem.version.CompiledAffectedVersions;
import dev.tandem.version.InvalidVersionException;
import dev.tandem.version.RangeEvaluator;
import dev.tandem.version.RangeEvent;
import dev.tandem.version.RangeType;
import dev.tandem.version.RangeVerdict;
import dev.tandem.version.Version;
import dev.tandem.version.VersionRange;
import dev.tandem.version.VersionScheme;
import dev.tandem.version.VersionSchemes;
import java.util.List;
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
 * Evaluations per second of one pre-parsed component version against a compiled OSV
 * {@code affected[]} entry shaped like a real multi-branch advisory: one ECOSYSTEM range with three
 * introduced/fixed pairs, a GIT range (skipped) and a six-entry versions list.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RangeEvaluateBenchmark {

    @Param({"Maven", "npm", "PyPI"})
    public String scheme;

    private CompiledAffectedVersions compiled;
    private Version[] probes;
    private int index;

    @Setup
    public void compile() throws InvalidVersionException {
        VersionScheme s = VersionSchemes.forEcosystem(scheme).orElseThrow();
        List<RangeEvent> events = List.of(
                new RangeEvent(RangeEvent.Kind.FIXED, "3.2.9"), new RangeEvent(RangeEvent.Kind.INTRODUCED, "0"),
                new RangeEvent(RangeEvent.Kind.INTRODUCED, "2.2.0"), new RangeEvent(RangeEvent.Kind.FIXED, "1.11.27"),
                new RangeEvent(RangeEvent.Kind.INTRODUCED, "3.0.0"), new RangeEvent(RangeEvent.Kind.FIXED, "2.2.9"));
        AffectedVersions affected = new AffectedVersions(List.of(
                new VersionRange(RangeType.GIT, "https://github.com/example/project",
                        List.of(new RangeEvent(RangeEvent.Kind.INTRODUCED, "0"),
                                new RangeEvent(RangeEvent.Kind.FIXED, "4f0d1b2c3d4e5f60718293a4b5c6d7e8f9012345"))),
                new VersionRange(RangeType.ECOSYSTEM, null, events)),
                List.of("1.11.25", "1.11.26", "2.2.7", "2.2.8", "3.2.7", "3.2.8"));
        compiled = RangeEvaluator.compile(affected, s);
        String[] texts = {"1.0.0", "1.11.26", "2.0.0", "2.2.8", "3.1.0", "3.2.9", "4.0.0", "6.0.4"};
        probes = new Version[texts.length];
        for (int i = 0; i < texts.length; i++) {
            probes[i] = s.parse(texts[i]);
        }
    }

    @Benchmark
    public RangeVerdict evaluate() {
        int i = index;
        index = (i + 1) & 7;
        return compiled.evaluate(probes[i]);
    }
}
