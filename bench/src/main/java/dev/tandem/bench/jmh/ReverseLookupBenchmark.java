package dev.tandem.bench.jmh;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.OsvReader;
import dev.tandem.bench.corpus.CorpusModel;
import dev.tandem.match.PortfolioImpact;
import dev.tandem.match.PortfolioIndex;
import dev.tandem.sbom.Sbom;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The reverse question over the portfolio (1,000 SBOMs): one new advisory, as an OSV JSON record,
 * parsed and evaluated against every component of its packages ({@code newAdvisory}); and the
 * one-time cost of indexing the parsed portfolio ({@code buildPortfolioIndex}).
 */
@State(Scope.Benchmark)
public class ReverseLookupBenchmark {

    private static final int SAMPLE = 1_000;

    private List<Sbom> sboms;
    private PortfolioIndex portfolio;
    private final List<String> records = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Corpus corpus = Corpus.fromProperty();
        sboms = corpus.portfolio();
        portfolio = PortfolioIndex.build(sboms);
        if (Files.exists(corpus.root.resolve("corpus.properties"))) {
            Properties properties = corpus.properties();
            CorpusModel model = new CorpusModel(Long.parseLong(properties.getProperty("seed")),
                    Integer.parseInt(properties.getProperty("advisories")));
            int step = Math.max(1, model.size() / SAMPLE);
            for (int i = 0; i < model.size() && records.size() < SAMPLE; i += step) {
                records.add(new String(model.osvJson(i), StandardCharsets.UTF_8));
            }
        } else {
            // Real data: every k-th advisory file of the corpus folders.
            List<Path> files;
            try (Stream<Path> walk = Files.walk(corpus.root.resolve("osv"), FileVisitOption.FOLLOW_LINKS)) {
                files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            }
            int step = Math.max(1, files.size() / SAMPLE);
            for (int i = 0; i < files.size() && records.size() < SAMPLE; i += step) {
                records.add(Files.readString(files.get(i)));
            }
        }
        long hits = 0;
        for (String record : records) {
            hits += portfolio.affectedBy(OsvReader.parse("new.json", record)).affected().size();
        }
        System.out.printf("%nportfolio: %d SBOMs, %d components, %d packages; %d sample advisories hit %d components%n",
                portfolio.sbomCount(), portfolio.componentCount(), portfolio.packageCount(), records.size(), hits);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public PortfolioImpact newAdvisory() throws Exception {
        String record = records.get(next);
        next = (next + 1) % records.size();
        Advisory advisory = OsvReader.parse("new.json", record);
        return portfolio.affectedBy(advisory);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public PortfolioIndex buildPortfolioIndex() {
        return PortfolioIndex.build(sboms);
    }
}
