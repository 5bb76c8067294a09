package dev.tandem.bench.corpus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * CycloneDX 1.5 JSON SBOMs drawn from a {@link CorpusModel}: a share of the components is taken
 * from an advisory's affected package at a version inside its first range (so it should match),
 * a tenth of the rest names an advised package at a version past that advisory's fix (other
 * advisories of a popular package may still match it), and the others are
 * packages no advisory names. The ecosystem mix is that of an application SBOM (npm, Maven, PyPI,
 * Go first; a few Debian packages). Deterministic from the corpus seed and the SBOM number.
 *
 * <pre>java -cp bench/target/classes:bench/target/lib/* dev.tandem.bench.corpus.SbomGenerator \
 *     --advisories 500000 --seed 1 --components 10000 --vulnerable 0.05 --count 1 --out bench/out/sboms</pre>
 */
public final class SbomGenerator {

    private static final Ecosystem[] MIX = {Ecosystem.NPM, Ecosystem.MAVEN, Ecosystem.PYPI, Ecosystem.GO,
            Ecosystem.CRATES, Ecosystem.NUGET, Ecosystem.RUBYGEMS, Ecosystem.PACKAGIST, Ecosystem.DEBIAN};
    private static final double[] MIX_SHARE = {0.40, 0.20, 0.15, 0.10, 0.03, 0.04, 0.03, 0.03, 0.02};

    private static final double ADVISED_SAFE_SHARE = 0.10;

    private final CorpusModel model;
    private final Map<Ecosystem, int[]> advisoriesOf = new EnumMap<>(Ecosystem.class);

    public SbomGenerator(CorpusModel model) {
        this.model = model;
        Map<Ecosystem, List<Integer>> lists = new EnumMap<>(Ecosystem.class);
        for (int i = 0; i < model.size(); i++) {
            lists.computeIfAbsent(model.ecosystemOf(i), e -> new ArrayList<>()).add(i);
        }
        lists.forEach((ecosystem, list) -> advisoriesOf.put(ecosystem, list.stream().mapToInt(Integer::intValue).toArray()));
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = Arguments.parse(args, "--advisories", "--seed", "--components", "--vulnerable",
                "--count", "--out");
        CorpusModel model = new CorpusModel(Long.parseLong(options.getOrDefault("--seed", "1")),
                Integer.parseInt(options.getOrDefault("--advisories", "10000")));
        int components = Integer.parseInt(options.getOrDefault("--components", "1000"));
        double vulnerable = Double.parseDouble(options.getOrDefault("--vulnerable", "0.05"));
        int count = Integer.parseInt(options.getOrDefault("--count", "1"));
        Path out = Path.of(Arguments.required(options, "--out"));
        Files.createDirectories(out);
        SbomGenerator generator = new SbomGenerator(model);
        for (int n = 0; n < count; n++) {
            Files.write(out.resolve(String.format(Locale.ROOT, "product-%04d.cdx.json", n)),
                    generator.sbom(n, components, vulnerable));
        }
        System.out.printf(Locale.ROOT, "wrote %,d SBOMs of %,d components (%.0f%% drawn vulnerable) to %s%n", count,
                components, vulnerable * 100, out);
    }

    /** One component: ecosystem, name, version and the purl distro qualifier (empty when none). */
    public record Drawn(Ecosystem ecosystem, String name, String version, String distro, boolean drawnVulnerable) {
    }

    /** The components of SBOM {@code number}. */
    public List<Drawn> components(int number, int count, double vulnerableShare) {
        Random r = model.random(5, number);
        List<Drawn> drawn = new ArrayList<>(count);
        while (drawn.size() < count) {
            Ecosystem ecosystem = pick(r.nextDouble());
            double u = r.nextDouble();
            Drawn component = null;
            if (u < vulnerableShare) {
                component = fromAdvisory(r, ecosystem, true);
            } else if (u < vulnerableShare + (1 - vulnerableShare) * ADVISED_SAFE_SHARE) {
                component = fromAdvisory(r, ecosystem, false);
            }
            if (component == null) {
                int j = model.poolSize(ecosystem) + model.size() + r.nextInt(1_000_000); // past advised and malicious names
                String[] release = CorpusModel.releases(ecosystem)[0];
                component = new Drawn(ecosystem, CorpusModel.packageName(ecosystem, j),
                        CorpusModel.version(ecosystem, release[1], 10000 * r.nextInt(5) + 100 * r.nextInt(20) + r.nextInt(30), 1),
                        release[2], false);
            }
            drawn.add(component);
        }
        return drawn;
    }

    private Drawn fromAdvisory(Random r, Ecosystem ecosystem, boolean vulnerable) {
        int[] candidates = advisoriesOf.get(ecosystem);
        if (candidates == null) {
            return null;
        }
        for (int attempt = 0; attempt < 20; attempt++) {
            Plans.Advisory plan = model.plan(candidates[r.nextInt(candidates.length)]);
            if (plan.withdrawn()) {
                continue;
            }
            Plans.Affected affected = plan.affected().get(r.nextInt(plan.affected().size()));
            String version = vulnerable ? affected.vulnerable() : affected.safe();
            if (version != null && !version.isEmpty()) {
                return new Drawn(ecosystem, affected.name(), version, affected.release(), vulnerable);
            }
        }
        return null;
    }

    private static Ecosystem pick(double u) {
        double cumulative = 0;
        for (int i = 0; i < MIX.length; i++) {
            cumulative += MIX_SHARE[i];
            if (u < cumulative) {
                return MIX[i];
            }
        }
        return MIX[0];
    }

    /** SBOM {@code number} as CycloneDX 1.5 JSON. */
    public byte[] sbom(int number, int count, double vulnerableShare) {
        List<Drawn> components = components(number, count, vulnerableShare);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(count * 200 + 1024);
        try (JsonGenerator json = new JsonFactory().createGenerator(bytes)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("bomFormat", "CycloneDX");
            json.writeStringField("specVersion", "1.5");
            Random r = model.random(7, number);
            json.writeStringField("serialNumber", "urn:uuid:" + new java.util.UUID(r.nextLong(), r.nextLong()));
            json.writeNumberField("version", 1);
            json.writeObjectFieldStart("metadata");
            json.writeObjectFieldStart("component");
            json.writeStringField("type", "application");
            json.writeStringField("bom-ref", "product");
            json.writeStringField("name", String.format(Locale.ROOT, "product-%04d", number));
            json.writeStringField("version", "1." + number % 10 + ".0");
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("components");
            for (int k = 0; k < components.size(); k++) {
                component(json, k, components.get(k));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("dependencies");
            json.writeStartObject();
            json.writeStringField("ref", "product");
            json.writeArrayFieldStart("dependsOn");
            for (int k = 0; k < components.size(); k += 5) {
                json.writeString("c" + k); // one in five is a direct dependency
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void component(JsonGenerator json, int k, Drawn drawn) throws IOException {
        String namespace = null;
        String name = drawn.name();
        int split = switch (drawn.ecosystem()) {
            case MAVEN -> name.indexOf(':');
            case NPM -> name.startsWith("@") ? name.indexOf('/') : -1;
            case GO, PACKAGIST -> name.lastIndexOf('/');
            default -> -1;
        };
        if (split > 0) {
            namespace = name.substring(0, split);
            name = name.substring(split + 1);
        }
        TreeMap<String, String> qualifiers = null;
        if (drawn.ecosystem().distribution) {
            namespace = switch (drawn.ecosystem()) {
                case DEBIAN -> "debian";
                case UBUNTU -> "ubuntu";
                case ALPINE -> "alpine";
                case REDHAT -> "redhat";
                default -> "suse";
            };
            qualifiers = new TreeMap<>(Map.of("distro", drawn.distro()));
        }
        String version = drawn.ecosystem() == Ecosystem.GO ? "v" + drawn.version() : drawn.version();
        String purl;
        try {
            purl = new PackageURL(drawn.ecosystem().purlType, namespace, name, version, qualifiers, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalStateException(e);
        }
        json.writeStartObject();
        json.writeStringField("type", "library");
        json.writeStringField("bom-ref", "c" + k);
        if (namespace != null && drawn.ecosystem() == Ecosystem.MAVEN) {
            json.writeStringField("group", namespace);
        }
        json.writeStringField("name", name);
        json.writeStringField("version", version);
        json.writeStringField("purl", purl);
        json.writeEndObject();
    }
}
