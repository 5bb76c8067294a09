package dev.tandem.bench.nvd;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a synthetic NVD corpus as NVD publishes its CVE API 2.0 feeds: one
 * {@code <out>/nvd/nvdcve-2.0-<year>.json.gz} per year, each a {@code vulnerabilities[]} response,
 * and {@code <out>/nvd.properties} with the seed, size and counts.
 *
 * <pre>java -cp bench/target/classes:bench/target/lib/* dev.tandem.bench.nvd.NvdCorpusGenerator \
 *     --records 300000 --seed 1 --out bench/out/nvd-300k</pre>
 */
public final class NvdCorpusGenerator {

    private NvdCorpusGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parse(args);
        int size = Integer.parseInt(options.getOrDefault("--records", "10000"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        Path out = Path.of(options.get("--out"));
        long started = System.nanoTime();
        Map<String, Long> counts = write(new NvdModel(seed, size), out);
        System.out.printf(Locale.ROOT, "wrote %,d NVD records to %s in %.1f s: %s%n", size, out,
                (System.nanoTime() - started) / 1e9, counts);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--out")) {
            throw new IllegalArgumentException("--out is required");
        }
        return options;
    }

    /** Writes the feeds and the manifest; returns the counts it records. */
    public static Map<String, Long> write(NvdModel model, Path out) throws IOException {
        Path folder = out.resolve("nvd");
        Files.createDirectories(folder);
        Map<String, Long> counts = new TreeMap<>();
        int year = -1;
        OutputStream feed = null;
        boolean first = true;
        try {
            for (int start = 0; start < model.size(); start += 2_000) {
                int end = Math.min(model.size(), start + 2_000);
                List<NvdModel.Plan> plans = IntStream.range(start, end).parallel().mapToObj(model::plan).toList();
                List<byte[]> elements = plans.parallelStream().map(NvdJson::element).toList();
                for (int i = 0; i < plans.size(); i++) {
                    NvdModel.Plan plan = plans.get(i);
                    if (plan.year() != year) {
                        close(feed);
                        year = plan.year();
                        feed = new BufferedOutputStream(new GZIPOutputStream(
                                Files.newOutputStream(folder.resolve("nvdcve-2.0-" + year + ".json.gz")), 1 << 16), 1 << 16);
                        feed.write(("{\"format\":\"NVD_CVE\",\"version\":\"2.0\",\"timestamp\":\"2026-12-01T00:00:00.000\","
                                + "\"vulnerabilities\":[").getBytes(StandardCharsets.UTF_8));
                        first = true;
                    }
                    if (!first) {
                        feed.write(',');
                    }
                    first = false;
                    feed.write(elements.get(i));
                    counts.merge(plan.status(), 1L, Long::sum);
                    counts.merge("criteria", (long) plan.configurations().stream()
                            .mapToInt(c -> c.nodes().stream().mapToInt(List::size).sum()).sum(), Long::sum);
                }
            }
        } finally {
            close(feed);
        }
        StringBuilder manifest = new StringBuilder("# synthetic NVD corpus (dev.tandem.bench.nvd.NvdCorpusGenerator)\n")
                .append("seed=").append(model.seed()).append('\n').append("records=").append(model.size()).append('\n')
                .append("products=").append(model.productCount()).append('\n');
        counts.forEach((k, v) -> manifest.append(k.replace(' ', '_')).append('=').append(v).append('\n'));
        Files.writeString(out.resolve("nvd.properties"), manifest.toString());
        return counts;
    }

    private static void close(OutputStream feed) throws IOException {
        if (feed != null) {
            feed.write("]}".getBytes(StandardCharsets.UTF_8));
            feed.close();
        }
    }
}
