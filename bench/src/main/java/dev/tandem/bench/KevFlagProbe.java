package dev.tandem.bench;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.KevCatalog;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.OsvReader;
import dev.tandem.bench.corpus.CorpusModel;
import dev.tandem.bench.corpus.SbomGenerator;
import dev.tandem.match.PortfolioHit;
import dev.tandem.match.PortfolioImpact;
import dev.tandem.match.PortfolioIndex;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomReaders;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Issue 13's target: a new KEV entry flagged on every affected release of a 1,000-product
 * portfolio. Generates the portfolio in memory (1,000 SBOMs drawn from a corpus model), indexes it
 * once, then for each of 200 advisories with a CVE alias takes a KEV entry naming that CVE and
 * asks the reverse index which releases it affects, known-exploited: the whole answer, per entry.
 *
 * <pre>java -cp bench/target/classes:bench/target/lib/* dev.tandem.bench.KevFlagProbe [advisories] [components]</pre>
 */
public final class KevFlagProbe {

    private KevFlagProbe() {
    }

    public static void main(String[] args) throws Exception {
        int advisories = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int components = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        CorpusModel model = new CorpusModel(1, advisories);
        SbomGenerator generator = new SbomGenerator(model);
        List<Sbom> portfolio = new ArrayList<>();
        for (int n = 0; n < 1_000; n++) {
            portfolio.add(SbomReaders.read("product-" + n + ".cdx.json", generator.sbom(n, components, 0.02)));
        }
        PortfolioIndex index = PortfolioIndex.build(portfolio);
        // KEV entries for CVEs whose advisories the portfolio ships, and as many for ones it does not.
        List<Advisory> sample = new ArrayList<>();
        for (int i = 0; i < model.size() && sample.size() < 200; i += Math.max(1, model.size() / 5_000)) {
            Advisory advisory = OsvReader.parse("new.json", new String(model.osvJson(i), StandardCharsets.UTF_8));
            if (advisory.aliases().stream().anyMatch(a -> a.startsWith("CVE-"))) {
                sample.add(advisory);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[sample.size()];
        long[] wall = new long[sample.size()];
        long flagged = 0;
        Set<Integer> products = new HashSet<>();
        for (int round = 0; round < 3; round++) { // two warm-up rounds, the third measured
            flagged = 0;
            products.clear();
            for (int i = 0; i < sample.size(); i++) {
                Advisory advisory = sample.get(i);
                String cve = advisory.aliases().stream().filter(a -> a.startsWith("CVE-")).findFirst().orElseThrow();
                long c = threads.getCurrentThreadCpuTime();
                long w = System.nanoTime();
                KevEntry entry = new KevEntry(cve, KevCatalog.CISA, LocalDate.of(2026, 12, 6), null, false, "vendor",
                        "product", "name", "bench");
                PortfolioImpact impact = index.affectedBy(advisory, List.of(entry));
                for (PortfolioHit hit : impact.affected()) {
                    if (impact.vulnerability().knownExploited()) {
                        products.add(hit.sbomIndex());
                        flagged++;
                    }
                }
                cpu[i] = threads.getCurrentThreadCpuTime() - c;
                wall[i] = System.nanoTime() - w;
            }
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf(Locale.ROOT, "portfolio: 1,000 SBOMs, %,d components indexed, %,d packages%n",
                index.componentCount(), index.packageCount());
        System.out.printf(Locale.ROOT, "%d KEV entries: %,d affected components flagged known-exploited in %d products%n",
                sample.size(), flagged, products.size());
        System.out.printf(Locale.ROOT, "per KEV entry: CPU median %.3f ms, max %.3f ms; wall median %.3f ms, max %.3f ms%n",
                cpu[cpu.length / 2] / 1e6, cpu[cpu.length - 1] / 1e6, wall[wall.length / 2] / 1e6,
                wall[wall.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "load average %.1f, %d cores%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }
}
