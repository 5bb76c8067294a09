package dev.tandem.bench.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a synthetic OSV corpus: {@code <out>/osv/<Ecosystem>/<id>.json} (layout {@code dir}) or
 * {@code <out>/osv/<Ecosystem>/all.zip} (layout {@code zip}, as osv.dev publishes), a CISA-format
 * KEV catalogue {@code <out>/kev.json} naming about 0.4% of the corpus's CVEs plus CVEs it does not
 * contain, and {@code <out>/corpus.properties} with the seed, size and counts.
 *
 * <pre>java -cp bench/target/classes:bench/target/lib/* dev.tandem.bench.corpus.CorpusGenerator \
 *     --advisories 500000 --seed 1 --layout zip --out bench/out/corpus-500k</pre>
 */
public final class CorpusGenerator {

    /** How the advisories are laid out on disk. */
    public enum Layout { DIR, ZIP }

    private static final int BLOCK = 2_000;

    private final CorpusModel model;

    public CorpusGenerator(CorpusModel model) {
        this.model = model;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = Arguments.parse(args, "--advisories", "--seed", "--layout", "--out");
        int size = Integer.parseInt(options.getOrDefault("--advisories", "10000"));
        long seed = Long.parseLong(options.getOrDefault("--seed", "1"));
        Layout layout = Layout.valueOf(options.getOrDefault("--layout", "zip").toUpperCase(Locale.ROOT));
        Path out = Path.of(Arguments.required(options, "--out"));
        long started = System.nanoTime();
        Map<Ecosystem, Integer> counts = new CorpusGenerator(new CorpusModel(seed, size)).write(out, layout);
        System.out.printf(Locale.ROOT, "wrote %,d advisories (%s) to %s in %.1f s: %s%n", size, layout, out,
                (System.nanoTime() - started) / 1e9, counts);
    }

    /** Writes the corpus, the KEV catalogue and the manifest; returns the advisories per ecosystem. */
    public Map<Ecosystem, Integer> write(Path out, Layout layout) throws IOException {
        Path osv = out.resolve("osv");
        Files.createDirectories(osv);
        Map<Ecosystem, Integer> counts = new EnumMap<>(Ecosystem.class);
        Map<Ecosystem, ZipOutputStream> zips = new EnumMap<>(Ecosystem.class);
        Set<String> cves = new LinkedHashSet<>();
        int withdrawn = 0;
        try {
            for (int start = 0; start < model.size(); start += BLOCK) {
                int end = Math.min(model.size(), start + BLOCK);
                List<Plans.Advisory> plans = IntStream.range(start, end).parallel().mapToObj(model::plan).toList();
                List<byte[]> records = plans.parallelStream().map(OsvJson::write).toList();
                for (int i = 0; i < plans.size(); i++) {
                    Plans.Advisory plan = plans.get(i);
                    counts.merge(plan.ecosystem(), 1, Integer::sum);
                    if (plan.withdrawn()) {
                        withdrawn++;
                    } else {
                        cves.addAll(plan.cves());
                        if (plan.id().startsWith("CVE-")) {
                            cves.add(plan.id());
                        }
                    }
                    String name = plan.id() + ".json";
                    Path folder = osv.resolve(plan.ecosystem().folder());
                    if (layout == Layout.ZIP) {
                        ZipOutputStream zip = zips.get(plan.ecosystem());
                        if (zip == null) {
                            Files.createDirectories(folder);
                            zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(folder.resolve("all.zip")), 1 << 16));
                            zip.setLevel(Deflater.BEST_SPEED);
                            zips.put(plan.ecosystem(), zip);
                        }
                        zip.putNextEntry(new ZipEntry(name));
                        zip.write(records.get(i));
                        zip.closeEntry();
                    } else {
                        Files.createDirectories(folder);
                        Files.write(folder.resolve(name), records.get(i));
                    }
                }
            }
        } finally {
            for (ZipOutputStream zip : zips.values()) {
                zip.close();
            }
        }
        int kev = writeKev(out.resolve("kev.json"), cves);
        Map<String, String> manifest = new TreeMap<>();
        manifest.put("seed", Long.toString(model.seed()));
        manifest.put("advisories", Integer.toString(model.size()));
        manifest.put("layout", layout.name().toLowerCase(Locale.ROOT));
        manifest.put("withdrawn", Integer.toString(withdrawn));
        manifest.put("cves", Integer.toString(cves.size()));
        manifest.put("kevEntries", Integer.toString(kev));
        counts.forEach((ecosystem, count) -> manifest.put("ecosystem." + ecosystem.folder(), Integer.toString(count)));
        StringBuilder text = new StringBuilder("# Synthetic OSV corpus (dev.tandem.bench.corpus.CorpusGenerator)\n");
        manifest.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(out.resolve("corpus.properties"), text);
        return counts;
    }

    /** A CISA-format catalogue: 0.4% of the corpus's CVEs (chosen by seed) and 300 CVEs the corpus does not hold. */
    int writeKev(Path file, Set<String> cves) throws IOException {
        Random r = model.random(3, 0);
        Set<String> chosen = new LinkedHashSet<>();
        for (String cve : cves) {
            if (r.nextDouble() < 0.004) {
                chosen.add(cve);
            }
        }
        for (int i = 0; i < 300; i++) {
            chosen.add("CVE-20" + (14 + i % 11) + "-" + (8_000_000 + i));
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file));
             JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("title", "Synthetic Known Exploited Vulnerabilities Catalog (benchmark data)");
            json.writeStringField("catalogVersion", "2026.11.22");
            json.writeStringField("dateReleased", "2026-11-22T00:00:00.000Z");
            json.writeNumberField("count", chosen.size());
            json.writeArrayFieldStart("vulnerabilities");
            LocalDate first = LocalDate.of(2021, 11, 3);
            for (String cve : chosen) {
                LocalDate added = first.plusDays(r.nextInt(1800));
                json.writeStartObject();
                json.writeStringField("cveID", cve);
                json.writeStringField("vendorProject", "Example " + Words.pick(r, Words.NOUNS));
                json.writeStringField("product", Words.pick(r, Words.ADJECTIVES) + " " + Words.pick(r, Words.NOUNS));
                json.writeStringField("vulnerabilityName", Words.pick(r, Words.PROBLEMS) + " vulnerability");
                json.writeStringField("dateAdded", added.toString());
                json.writeStringField("shortDescription", Words.sentence(r, 15));
                json.writeStringField("requiredAction", "Apply mitigations per vendor instructions.");
                json.writeStringField("dueDate", added.plusDays(21).toString());
                json.writeStringField("knownRansomwareCampaignUse", r.nextDouble() < 0.1 ? "Known" : "Unknown");
                json.writeStringField("notes", "");
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return chosen.size();
    }
}
