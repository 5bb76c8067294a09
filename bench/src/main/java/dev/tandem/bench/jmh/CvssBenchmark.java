package dev.tandem.bench.jmh;

import dev.tandem.advisory.cvss.Cvss;
import dev.tandem.advisory.cvss.SeverityScore;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
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
 * {@link Cvss#score} per severity as the OSV decode calls it (issue 20): every call gets a fresh
 * {@code String} (the decoder's are new per record, their hash not yet computed), drawn from one of
 * four mixes. {@code CORPUS} is the 500k bench corpus's: nine v3.1 base vectors to one v4.0 base
 * vector, each metric's value uniform ({@code CorpusModel}), so v3.1 vectors repeat (2,592 of them)
 * and v4.0 ones mostly do not (104,976). {@code V31_ANY}, {@code V40_ANY} and {@code V2_ANY} add
 * temporal/threat and environmental metrics at random, so almost every vector is new: the cost of
 * scoring, not of the cache. {@link #generate} is the baseline to subtract: drawing the vector and
 * making its string.
 *
 * <p>{@link #main} measures the same with this thread's CPU time instead of JMH's wall time (the
 * machine is shared; wall time measures its queue), first the cold pass a {@code db build} makes
 * (250,000 severities of the corpus mix in a fresh JVM: empty cache, code not yet compiled), then
 * the median of 7 runs of each mix after warm-up (of the mixes named as arguments, or all):
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" dev.tandem.bench.jmh.CvssBenchmark [CORPUS V40_ANY ...]</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CvssBenchmark {

    /** The kind of vectors drawn. */
    public enum Mix { CORPUS, V31_ANY, V40_ANY, V2_ANY }

    private static final String[][] V31_BASE = {{"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"PR", "N", "L", "H"},
            {"UI", "N", "R"}, {"S", "U", "C"}, {"C", "H", "L", "N"}, {"I", "H", "L", "N"}, {"A", "H", "L", "N"}};
    private static final String[][] V31_MORE = {{"E", "X", "U", "P", "F", "H"}, {"RL", "X", "O", "T", "W", "U"},
            {"RC", "X", "U", "R", "C"}, {"CR", "X", "L", "M", "H"}, {"IR", "X", "L", "M", "H"}, {"AR", "X", "L", "M", "H"},
            {"MAV", "X", "N", "A", "L", "P"}, {"MAC", "X", "L", "H"}, {"MPR", "X", "N", "L", "H"}, {"MUI", "X", "N", "R"},
            {"MS", "X", "U", "C"}, {"MC", "X", "H", "L", "N"}, {"MI", "X", "H", "L", "N"}, {"MA", "X", "H", "L", "N"}};
    private static final String[][] V40_BASE = {{"AV", "N", "A", "L", "P"}, {"AC", "L", "H"}, {"AT", "N", "P"},
            {"PR", "N", "L", "H"}, {"UI", "N", "P", "A"}, {"VC", "H", "L", "N"}, {"VI", "H", "L", "N"},
            {"VA", "H", "L", "N"}, {"SC", "H", "L", "N"}, {"SI", "H", "L", "N"}, {"SA", "H", "L", "N"}};
    private static final String[][] V40_MORE = {{"E", "X", "A", "P", "U"}, {"CR", "X", "H", "M", "L"},
            {"IR", "X", "H", "M", "L"}, {"AR", "X", "H", "M", "L"}, {"MAV", "X", "N", "A", "L", "P"},
            {"MAC", "X", "L", "H"}, {"MAT", "X", "N", "P"}, {"MPR", "X", "N", "L", "H"}, {"MUI", "X", "N", "P", "A"},
            {"MVC", "X", "H", "L", "N"}, {"MVI", "X", "H", "L", "N"}, {"MVA", "X", "H", "L", "N"},
            {"MSC", "X", "H", "L", "N"}, {"MSI", "X", "S", "H", "L", "N"}, {"MSA", "X", "S", "H", "L", "N"},
            {"S", "X", "N", "P"}, {"AU", "X", "N", "Y"}, {"R", "X", "A", "U", "I"}, {"V", "X", "D", "C"},
            {"RE", "X", "L", "M", "H"}, {"U", "X", "Clear", "Green", "Amber", "Red"}};
    private static final String[][] V2_BASE = {{"AV", "L", "A", "N"}, {"AC", "H", "M", "L"}, {"Au", "M", "S", "N"},
            {"C", "N", "P", "C"}, {"I", "N", "P", "C"}, {"A", "N", "P", "C"}};
    private static final String[][] V2_MORE = {{"E", "U", "POC", "F", "H", "ND"}, {"RL", "OF", "TF", "W", "U", "ND"},
            {"RC", "UC", "UR", "C", "ND"}, {"CDP", "N", "L", "LM", "MH", "H", "ND"}, {"TD", "N", "L", "M", "H", "ND"},
            {"CR", "L", "M", "H", "ND"}, {"IR", "L", "M", "H", "ND"}, {"AR", "L", "M", "H", "ND"}};

    @Param({"CORPUS", "V31_ANY", "V40_ANY", "V2_ANY"})
    public Mix mix;

    private final StringBuilder vector = new StringBuilder(256);
    private SplittableRandom random;

    @Setup
    public void seed() {
        random = new SplittableRandom(1);
    }

    /** Draws the next vector and scores it. */
    @Benchmark
    public SeverityScore score() {
        boolean v2 = mix == Mix.V2_ANY;
        String drawn = draw();
        return Cvss.score(v2 ? "CVSS_V2" : drawn.charAt(5) == '4' ? "CVSS_V4" : "CVSS_V3", drawn);
    }

    /** The baseline: draws the next vector only. */
    @Benchmark
    public String generate() {
        return draw();
    }

    /** CPU time per severity: see the class comment. */
    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CvssBenchmark corpus = state(Mix.CORPUS);
        int pass = 250_000;
        String[] cold = new String[pass];
        for (int i = 0; i < pass; i++) {
            cold[i] = corpus.draw();
        }
        long start = threads.getCurrentThreadCpuTime();
        long n = 0;
        for (String vector : cold) {
            n += Cvss.score(vector.charAt(5) == '4' ? "CVSS_V4" : "CVSS_V3", vector).rating().ordinal();
        }
        long coldNanos = threads.getCurrentThreadCpuTime() - start;
        System.out.printf(Locale.ROOT, "cold pass, %,d corpus severities: %,.1f ms CPU, %,.0f ns per severity%n",
                pass, coldNanos / 1e6, (double) coldNanos / pass);
        int ops = 1_000_000;
        for (Mix mix : Mix.values()) {
            if (args.length > 0 && !Arrays.asList(args).contains(mix.name())) {
                continue;
            }
            CvssBenchmark state = state(mix);
            long[] score = new long[7];
            long[] generate = new long[7];
            for (int warm = 0; warm < 3; warm++) {
                n += run(state, ops, true) + run(state, ops, false);
            }
            for (int r = 0; r < score.length; r++) {
                start = threads.getCurrentThreadCpuTime();
                n += run(state, ops, true);
                score[r] = threads.getCurrentThreadCpuTime() - start;
                start = threads.getCurrentThreadCpuTime();
                n += run(state, ops, false);
                generate[r] = threads.getCurrentThreadCpuTime() - start;
            }
            Arrays.sort(score);
            Arrays.sort(generate);
            System.out.printf(Locale.ROOT, "%-8s score %,7.1f ns CPU, generate %,7.1f ns CPU: scoring %,7.1f ns per severity%n",
                    mix, (double) score[3] / ops, (double) generate[3] / ops, (double) (score[3] - generate[3]) / ops);
        }
        System.out.println(n == 42 ? "" : "(checksum " + n + ")");
    }

    private static CvssBenchmark state(Mix mix) {
        CvssBenchmark state = new CvssBenchmark();
        state.mix = mix;
        state.seed();
        return state;
    }

    private static long run(CvssBenchmark state, int ops, boolean score) {
        long n = 0;
        for (int i = 0; i < ops; i++) {
            n += score ? state.score().rating().ordinal() : state.generate().length();
        }
        return n;
    }

    private String draw() {
        vector.setLength(0);
        switch (mix) {
            case CORPUS -> {
                if (random.nextInt(10) == 0) {
                    append("CVSS:4.0", V40_BASE, null);
                } else {
                    append("CVSS:3.1", V31_BASE, null);
                }
            }
            case V31_ANY -> append("CVSS:3.1", V31_BASE, V31_MORE);
            case V40_ANY -> append("CVSS:4.0", V40_BASE, V40_MORE);
            case V2_ANY -> append(null, V2_BASE, V2_MORE);
        }
        return vector.toString();
    }

    private void append(String prefix, String[][] base, String[][] more) {
        if (prefix != null) {
            vector.append(prefix).append('/');
        }
        metrics(base, 1.0);
        if (more != null) {
            metrics(more, 0.4);
        }
        vector.setLength(vector.length() - 1);
    }

    private void metrics(String[][] metrics, double share) {
        for (String[] metric : metrics) {
            if (share >= 1.0 || random.nextDouble() < share) {
                vector.append(metric[0]).append(':').append(metric[1 + random.nextInt(metric.length - 1)]).append('/');
            }
        }
    }
}
