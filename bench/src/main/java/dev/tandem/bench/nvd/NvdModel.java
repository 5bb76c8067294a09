package dev.tandem.bench.nvd;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The shape of the synthetic NVD corpus, a pure function of seed and size: every record is
 * {@link #plan(int)} of its index, so any record can be made again without the others.
 *
 * <p>Calibrated on the real records of ../shared/data/nvd and NVD's published statistics (stated as
 * estimates in docs/performance.md): about twelve CVEs per product with a heavy head (a few
 * products — the kernel, browsers — carry thousands), four in a hundred records rejected and five
 * awaiting analysis without configurations, and configurations that are mostly one OR node of one
 * to three ranges, then lists of exact versions (one record in a hundred lists hundreds), firmware
 * AND hardware, software running on an operating system, and two alternative products.
 */
public final class NvdModel {

    /** One product of the universe. */
    public record Product(char part, String vendor, String product) {
        String cpe(String version, String update) {
            return "cpe:2.3:" + part + ":" + vendor + ":" + product + ":" + version + ":" + update + ":*:*:*:*:*:*";
        }
    }

    /** One criterion as the generator writes it. */
    public record Criterion(String cpe, boolean vulnerable, String startIncluding, String endIncluding,
            String endExcluding) {
    }

    /** One configuration: nodes joined by AND (two or more) or one OR node. */
    public record Configuration(boolean and, List<List<Criterion>> nodes) {
    }

    /** One record. */
    public record Plan(String id, int year, String status, String vector, List<Configuration> configurations) {
        boolean rejected() {
            return status.equals("Rejected");
        }
    }

    private static final String[] VECTORS = {
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H",
            "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N",
            "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N"};
    private static final String[] V2 = {"AV:N/AC:L/Au:N/C:P/I:P/A:P", "AV:N/AC:M/Au:N/C:N/I:N/A:P", "AV:L/AC:L/Au:N/C:C/I:C/A:C"};

    private final long seed;
    private final int size;
    private final int products;

    public NvdModel(long seed, int size) {
        this.seed = seed;
        this.size = size;
        this.products = Math.max(50, size / 12);
    }

    public int size() {
        return size;
    }

    public long seed() {
        return seed;
    }

    public int productCount() {
        return products;
    }

    /** Product {@code k}: one in seven is firmware (o:) with a hardware twin; the rest applications. */
    public Product product(int k) {
        boolean firmware = k % 7 == 3;
        String vendor = "vendor" + (k / 3);
        return new Product(firmware ? 'o' : 'a', vendor, firmware ? "device" + k + "_firmware" : "product" + k);
    }

    /** The hardware a firmware product runs on. */
    public Product hardware(Product firmware) {
        return new Product('h', firmware.vendor(), firmware.product().replace("_firmware", ""));
    }

    /** A product index with a heavy head: a few products carry most records. */
    public int pickProduct(RandomGenerator random) {
        return (int) (products * Math.pow(random.nextDouble(), 2.5));
    }

    /** A version of the universe every product shares: major 1–9, minor 0–20, patch 0–30. */
    public static String version(RandomGenerator random) {
        return (1 + random.nextInt(9)) + "." + random.nextInt(21) + "." + random.nextInt(31);
    }

    public Plan plan(int index) {
        // SplittableRandom mixes its seed: consecutive java.util.Random seeds start with nearly equal draws.
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + index);
        int year = 2002 + (int) ((long) index * 24 / size);
        String id = "CVE-" + year + "-" + (10_000 + index);
        double kind = random.nextDouble();
        if (kind < 0.04) {
            return new Plan(id, year, "Rejected", "", List.of());
        }
        if (kind < 0.09) {
            return new Plan(id, year, "Awaiting Analysis", "", List.of());
        }
        String vector = year < 2016 ? V2[random.nextInt(V2.length)] : VECTORS[random.nextInt(VECTORS.length)];
        Product product = product(pickProduct(random));
        double shape = random.nextDouble();
        List<Configuration> configurations = new ArrayList<>();
        if (product.part() == 'o') {
            // Firmware: vulnerable below a fixed build, only on its hardware (not vulnerable).
            configurations.add(new Configuration(true, List.of(ranges(random, product, 1),
                    List.of(new Criterion(hardware(product).cpe("-", "*"), false, null, null, null)))));
        } else if (shape < 0.60) {
            configurations.add(new Configuration(false, List.of(ranges(random, product, 1 + random.nextInt(3)))));
        } else if (shape < 0.78) {
            int count = random.nextDouble() < 0.05 ? 300 + random.nextInt(1_700) : 3 + random.nextInt(38);
            List<Criterion> exact = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                exact.add(new Criterion(product.cpe(version(random), random.nextInt(10) == 0 ? "rc1" : "*"), true,
                        null, null, null));
            }
            configurations.add(new Configuration(false, List.of(exact)));
        } else if (shape < 0.90) {
            // Software that is vulnerable only when it runs on one operating system.
            configurations.add(new Configuration(true, List.of(ranges(random, product, 1),
                    List.of(new Criterion("cpe:2.3:o:microsoft:windows:-:*:*:*:*:*:*:*", false, null, null, null)))));
        } else {
            configurations.add(new Configuration(false, List.of(ranges(random, product, 1))));
            Product other = product(pickProduct(random));
            if (other.part() == 'a') {
                configurations.add(new Configuration(false, List.of(ranges(random, other, 1 + random.nextInt(2)))));
            }
        }
        return new Plan(id, year, random.nextInt(10) == 0 ? "Modified" : "Analyzed", vector, configurations);
    }

    private static List<Criterion> ranges(RandomGenerator random, Product product, int count) {
        List<Criterion> criteria = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String end = version(random);
            String start = random.nextBoolean() ? null : (1 + random.nextInt(Integer.parseInt(end.substring(0, 1)))) + ".0.0";
            boolean inclusive = random.nextInt(4) == 0;
            criteria.add(new Criterion(product.cpe("*", "*"), true, start, inclusive ? end : null, inclusive ? null : end));
        }
        return criteria;
    }
}
