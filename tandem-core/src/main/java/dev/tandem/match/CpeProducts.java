package dev.tandem.match;

import dev.tandem.cpe.CpeName;
import dev.tandem.cpe.CpePart;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table of components that ship in firmware and the CPE products NVD files them under
 * ({@code cpe-products.tsv} beside this class, each row with NVD records as evidence): the only
 * names Tandem turns into a CPE on its own. Conservative by construction: a name not in the table
 * gets no CPE from it.
 */
final class CpeProducts {

    /** One row: a product as part, vendor and product (version ANY). */
    record Product(CpePart part, String vendor, String product) {
        CpeName withVersion(String version) {
            return CpeName.of(part, vendor, product, version);
        }
    }

    private static final Map<String, List<Product>> BY_NAME = load();

    private CpeProducts() {
    }

    /** The products a component name stands for; empty when the table does not list it. */
    static List<Product> forName(String name) {
        return BY_NAME.getOrDefault(normalise(name), List.of());
    }

    /** Names compare without case, with {@code -} and {@code _} alike. */
    static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static Map<String, List<Product>> load() {
        Map<String, List<Product>> table = new HashMap<>();
        try (InputStream in = CpeProducts.class.getResourceAsStream("cpe-products.tsv")) {
            if (in == null) {
                throw new IllegalStateException("cpe-products.tsv is missing from the build");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 3) {
                    throw new IllegalStateException("cpe-products.tsv line " + number + ": expected 3 tab-separated columns");
                }
                List<Product> products = new ArrayList<>();
                for (String product : columns[1].trim().split(" +")) {
                    String[] parts = product.split(":");
                    CpePart part = parts.length == 3 ? switch (parts[0]) {
                        case "a" -> CpePart.APPLICATION;
                        case "o" -> CpePart.OPERATING_SYSTEM;
                        case "h" -> CpePart.HARDWARE;
                        default -> null;
                    } : null;
                    if (part == null) {
                        throw new IllegalStateException("cpe-products.tsv line " + number + ": bad product " + product);
                    }
                    products.add(new Product(part, parts[1], parts[2]));
                }
                for (String name : columns[0].split(",")) {
                    table.put(normalise(name), List.copyOf(products));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(table);
    }

    /** A product key for a vendor and product as plain text ({@code a:openssl:openssl}). */
    static String key(CpePart part, String vendor, String product) {
        return CpeName.of(part, vendor, product, "*").productKey();
    }
}
