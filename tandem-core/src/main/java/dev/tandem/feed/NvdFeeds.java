package dev.tandem.feed;

import java.util.List;
import java.util.Objects;

/**
 * The NVD's CVE data feeds (JSON 2.0): a base laid out as the NVD publishes them
 * ({@code <base>/nvdcve-2.0-<year>.json.gz}, each with its {@code .meta}), at a URL or in a local
 * folder, and the years to fetch (empty: every year from {@link #FIRST_YEAR} to the refresh's own).
 */
public record NvdFeeds(FeedSource base, List<Integer> years) {

    /** The first yearly feed the NVD publishes; it also holds the records of the years before it. */
    public static final int FIRST_YEAR = 2002;

    public NvdFeeds {
        Objects.requireNonNull(base, "base");
        years = List.copyOf(years);
    }

    /** True when every year is fetched. */
    public boolean all() {
        return years.isEmpty();
    }

    /** The file name of one year's feed. */
    public static String feedName(int year) {
        return "nvdcve-2.0-" + year + ".json.gz";
    }

    /** The file name of one year's meta file (size and SHA-256 of the uncompressed feed). */
    public static String metaName(int year) {
        return "nvdcve-2.0-" + year + ".meta";
    }
}
