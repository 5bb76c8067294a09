package dev.tandem.bench.nvd;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a CycloneDX 1.6 SBOM of a firmware image drawn from the {@link NvdModel}: two thirds of the
 * components named by CPE (products of the corpus, firmware with its hardware), a tenth named only
 * by a name Tandem infers a CPE from ({@code busybox}, {@code openssl}, …), a tenth npm packages
 * (matched by purl, not by CPE) and the rest binary blobs nothing can name.
 *
 * <pre>java -cp bench/target/classes:bench/target/lib/* dev.tandem.bench.nvd.FirmwareSbomGenerator \
 *     --records 300000 --seed 1 --components 2000 --out bench/out/nvd-300k/firmware-2000.cdx.json</pre>
 */
public final class FirmwareSbomGenerator {

    private static final String[] INFERRED = {"busybox", "openssl", "dropbear", "dnsmasq", "zlib", "curl", "libpng",
            "sqlite", "u-boot", "hostapd", "wpa_supplicant", "lighttpd", "samba", "glibc", "linux"};

    private FirmwareSbomGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = NvdCorpusGenerator.parse(args);
        NvdModel model = new NvdModel(Long.parseLong(options.getOrDefault("--seed", "1")),
                Integer.parseInt(options.getOrDefault("--records", "10000")));
        int components = Integer.parseInt(options.getOrDefault("--components", "2000"));
        Path out = Path.of(options.get("--out"));
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (OutputStream stream = Files.newOutputStream(out)) {
            write(model, components, stream);
        }
        System.out.printf(Locale.ROOT, "wrote a %,d-component firmware SBOM to %s%n", components, out);
    }

    public static void write(NvdModel model, int components, OutputStream out) throws IOException {
        SplittableRandom random = new SplittableRandom(model.seed() * 31 + components);
        try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("bomFormat", "CycloneDX");
            json.writeStringField("specVersion", "1.6");
            json.writeNumberField("version", 1);
            json.writeObjectFieldStart("metadata");
            json.writeObjectFieldStart("manufacturer");
            json.writeStringField("name", "Bench Devices");
            json.writeEndObject();
            json.writeObjectFieldStart("component");
            json.writeStringField("type", "firmware");
            json.writeStringField("name", "bench firmware image");
            json.writeStringField("version", "1.0");
            json.writeEndObject();
            json.writeEndObject();
            json.writeArrayFieldStart("components");
            for (int i = 0; i < components; i++) {
                double kind = random.nextDouble();
                json.writeStartObject();
                json.writeStringField("bom-ref", "c" + i);
                if (kind < 0.67) {
                    NvdModel.Product product = model.product(model.pickProduct(random));
                    String version = NvdModel.version(random);
                    json.writeStringField("type", product.part() == 'o' ? "firmware" : "library");
                    json.writeStringField("name", product.product());
                    json.writeStringField("version", version);
                    json.writeStringField("cpe", product.cpe(version, "*"));
                    if (product.part() == 'o' && random.nextBoolean()) {
                        json.writeEndObject();
                        json.writeStartObject();
                        json.writeStringField("bom-ref", "hw" + i);
                        json.writeStringField("type", "device");
                        json.writeStringField("name", model.hardware(product).product());
                        json.writeStringField("cpe", model.hardware(product).cpe("-", "*"));
                    }
                } else if (kind < 0.77) {
                    String name = INFERRED[random.nextInt(INFERRED.length)];
                    json.writeStringField("type", "library");
                    json.writeStringField("name", name);
                    json.writeStringField("version", NvdModel.version(random));
                    json.writeStringField("purl", "pkg:generic/" + name + "@" + NvdModel.version(random));
                } else if (kind < 0.87) {
                    String name = "npm-package-" + random.nextInt(5_000);
                    String version = NvdModel.version(random);
                    json.writeStringField("type", "library");
                    json.writeStringField("name", name);
                    json.writeStringField("version", version);
                    json.writeStringField("purl", "pkg:npm/" + name + "@" + version);
                } else {
                    json.writeStringField("type", "firmware");
                    json.writeStringField("name", "blob-" + i);
                    json.writeStringField("version", Integer.toString(random.nextInt(100)));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
