package dev.tandem.bench;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.OsvReader;
import dev.tandem.bench.corpus.CorpusModel;
import dev.tandem.match.Matcher;
import dev.tandem.match.PortfolioIndex;
import dev.tandem.match.SbomReport;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomReaders;
import dev.tandem.snapshot.Snapshot;
import dev.tandem.snapshot.SnapshotIndex;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * CPU time (this thread's, from {@link ThreadMXBean}) of the in-process steps, beside JMH's wall
 * time: on a shared machine whose load average exceeds its cores, wall time measures the queue,
 * CPU time measures the work. Prints the median of several runs of each step, after warm-up.
 *
 * <pre>java -cp "bench/target/classes:bench/target/lib/*" dev.tandem.bench.CpuProbe CORPUS_DIR</pre>
 */
public final class CpuProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Warm-up runs of the warm match: enough for C2 to compile its loops (docs/performance.md, "Start-up and the warm match, fourth pass"). */
    private static final int WARM_MATCHES = 400;

    private CpuProbe() {
    }

    /** One measured step. */
    @FunctionalInterface
    interface Step {
        Object run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Sbom sbom;
        try (Stream<Path> files = Files.list(corpus.resolve("sbom-10k"))) {
            sbom = SbomReaders.read(files.sorted().findFirst().orElseThrow());
        }
        // Issue 20: the purl fast path against packageurl-java on the same purls, same load.
        List<String> purls = sbom.components().stream().map(c -> c.purl()).filter(p -> !p.isEmpty()).toList();
        report("parse " + purls.size() + " purls with packageurl-java", runs, () -> {
            long n = 0;
            for (String purl : purls) {
                n += new com.github.packageurl.PackageURL(purl).getName().length();
            }
            return n;
        });
        report("parse " + purls.size() + " purls with PackageUrlParts (fast path, fallback)", runs, () -> {
            long n = 0;
            for (String purl : purls) {
                n += dev.tandem.match.PackageUrlParts.parse(purl).name().length();
            }
            return n;
        });
        report("identify " + sbom.components().size() + " components (PurlIdentities.of)", runs, () -> {
            long n = 0;
            for (var component : sbom.components()) {
                n += dev.tandem.match.PurlIdentities.of(component).hashCode();
            }
            return n;
        });
        // Issue 20: the per-document OSV decode of db build, per advisory (10,000 generated records of the 500k model).
        List<byte[]> osvRecords = dev.tandem.bench.jmh.OsvDecodeBenchmark.sample(10_000);
        report("decode 10,000 OSV records (OsvReader.readAll), total", runs,
                () -> dev.tandem.bench.jmh.OsvDecodeBenchmark.decodeAll(osvRecords));
        Path file = corpus.resolve("db.tdb");
        report("snapshot load (read, CRC32C, checks)", runs, () -> Snapshot.load(file));
        Snapshot snapshot = Snapshot.load(file);
        report("match " + sbom.components().size() + " components, cold index", runs,
                () -> new Matcher(snapshot.index()).scan(sbom));
        SnapshotIndex warm = snapshot.index();
        SbomReport first = new Matcher(warm).scan(sbom);
        // Issue 20's warm match is a long-running process's: the index loaded, the SBOM parsed once, and the
        // JIT settled. Two warm-up runs left the match half interpreted and half in C1 code (the median of 15
        // moved from 12 to 7 ms between the 20th and the 1,500th match); WARM_MATCHES runs (a few seconds)
        // reach the compiled steady state. The line after two warm-up runs is kept, for the earlier figures.
        report("match " + sbom.components().size() + " components, warm index (" + first.findings().size()
                + " findings), 2 warm-up runs", runs, () -> new Matcher(warm).scan(sbom));
        report("match " + sbom.components().size() + " components, warm index (" + first.findings().size()
                + " findings), JIT settled (" + WARM_MATCHES + " warm-up runs)", runs, WARM_MATCHES,
                () -> new Matcher(warm).scan(sbom));
        // Issue 20: the same, each time on a new copy of the parsed SBOM, so nothing kept with it helps
        // (purls read, index asked, versions parsed, finding ids made again): a server that parses a stored SBOM anew.
        report("match " + sbom.components().size() + " components, warm index, new SBOM copy each time", runs, WARM_MATCHES,
                () -> new Matcher(warm).scan(new Sbom(sbom.source(), sbom.format(), sbom.specVersion(), sbom.subject(),
                        sbom.components())));

        Path portfolioFolder = corpus.resolve("portfolio");
        Path properties = corpus.resolve("corpus.properties");
        if (Files.isDirectory(portfolioFolder) && Files.exists(properties)) {
            List<Sbom> sboms = new ArrayList<>();
            try (Stream<Path> files = Files.list(portfolioFolder)) {
                for (Path path : files.sorted().toList()) {
                    sboms.add(SbomReaders.read(path));
                }
            }
            report("portfolio index of " + sboms.size() + " SBOMs", Math.min(runs, 3), () -> PortfolioIndex.build(sboms));
            PortfolioIndex portfolio = PortfolioIndex.build(sboms);
            Properties p = new Properties();
            try (var in = Files.newInputStream(properties)) {
                p.load(in);
            }
            CorpusModel model = new CorpusModel(Long.parseLong(p.getProperty("seed")),
                    Integer.parseInt(p.getProperty("advisories")));
            List<String> records = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                records.add(new String(model.osvJson((int) ((long) i * model.size() / 1_000)), StandardCharsets.UTF_8));
            }
            long[] hits = new long[1];
            report("1,000 new advisories (parse + reverse lookup), per advisory in µs x1000", runs, () -> {
                hits[0] = 0;
                for (String record : records) {
                    Advisory advisory = OsvReader.parse("new.json", record);
                    hits[0] += portfolio.affectedBy(advisory).affected().size();
                }
                return hits[0];
            });
            System.out.printf(Locale.ROOT, "  (portfolio: %,d components, %,d packages; the 1,000 advisories hit %,d components)%n",
                    portfolio.componentCount(), portfolio.packageCount(), hits[0]);
        }
    }

    private static void report(String name, int runs, Step step) throws Exception {
        report(name, runs, 2, step);
    }

    private static void report(String name, int runs, int warmUp, Step step) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            step.run();
        }
        long[] cpu = new long[runs];
        long[] wall = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c = THREADS.getCurrentThreadCpuTime();
            long w = System.nanoTime();
            step.run();
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c;
            wall[i] = System.nanoTime() - w;
        }
        java.util.Arrays.sort(cpu);
        java.util.Arrays.sort(wall);
        System.out.printf(Locale.ROOT, "%-72s CPU %8.1f ms   wall %8.1f ms   (median of %d; load %s)%n", name,
                cpu[runs / 2] / 1e6, wall[runs / 2] / 1e6, runs,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }
}
