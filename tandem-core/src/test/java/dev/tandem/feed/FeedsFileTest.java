package dev.tandem.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The feeds file: which feeds, where from; every mistake named at its line and column. */
class FeedsFileTest {

    private static final Path FOLDER = Path.of("/srv/tandem");

    private static FeedsConfig read(String yaml) throws InputException {
        return FeedsFile.read(InputDocument.of("tandem-feeds.yaml", yaml), FOLDER);
    }

    private static String refused(String yaml) {
        return catchThrowableOfType(InputException.class, () -> read(yaml)).getMessage();
    }

    @Test
    void everyFeedFromUrlsPathsAndDefaults() throws InputException {
        FeedsConfig feeds = read("""
                osv:
                  url: https://mirror.example.org/osv/
                  ecosystems: [Go, crates.io, "Red Hat"]
                kev:
                  cisa: default
                  eu:
                    path: mirror/eukev.json
                    sha256: SHA256:ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef0123456789
                epss: /data/epss_scores-current.csv.gz
                """);
        assertThat(feeds.osv().base()).isEqualTo(new FeedSource.Remote(URI.create("https://mirror.example.org/osv/")));
        assertThat(feeds.osv().ecosystems()).containsExactly("Go", "crates.io", "Red Hat");
        assertThat(feeds.cisaKev()).isEqualTo(Feed.of(new FeedSource.Remote(FeedsConfig.CISA_KEV)));
        assertThat(feeds.euKev().source()).isEqualTo(new FeedSource.Local(FOLDER.resolve("mirror/eukev.json")));
        assertThat(feeds.euKev().sha256()).isEqualTo("abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
        assertThat(feeds.epss().source()).isEqualTo(new FeedSource.Local(Path.of("/data/epss_scores-current.csv.gz")));
    }

    @Test
    void nvdFeedsByYearsOrAllFromTheNvdOrAMirror() throws InputException {
        assertThat(read("nvd: default\n").nvd()).isEqualTo(new NvdFeeds(new FeedSource.Remote(FeedsConfig.NVD), List.of()));
        FeedsConfig years = read("nvd:\n  url: https://mirror.example.org/nvd/\n  years: [2024, 2025]\n");
        assertThat(years.nvd().years()).containsExactly(2024, 2025);
        assertThat(years.nvd().base()).isEqualTo(new FeedSource.Remote(URI.create("https://mirror.example.org/nvd/")));
        FeedsConfig mirror = read("nvd: {path: mirror/nvd, years: all}\n");
        assertThat(mirror.nvd().base()).isEqualTo(new FeedSource.Local(FOLDER.resolve("mirror/nvd")));
        assertThat(mirror.nvd().all()).isTrue();
        assertThat(read("osv: default\n").nvd()).isNull();
        assertThat(FeedsConfig.defaults().nvd()).as("the yearly feeds are large: asked for, not a default").isNull();
    }

    @Test
    void aFeedLeftOutIsNotFetchedAndOsvDefaultsToEveryEcosystemOfOsvDev() throws InputException {
        FeedsConfig feeds = read("osv: {ecosystems: all}\nkev: {cisa: default}\n");
        assertThat(feeds.osv().base()).isEqualTo(new FeedSource.Remote(FeedsConfig.OSV));
        assertThat(feeds.osv().all()).isTrue();
        assertThat(feeds.euKev()).isNull();
        assertThat(feeds.epss()).isNull();
        assertThat(read("osv: default\n").osv().ecosystems()).isEmpty();
        assertThat(FeedsConfig.defaults().withEcosystems(List.of("npm")).osv().ecosystems()).containsExactly("npm");
    }

    @Test
    void mistakesAreNamedWhereTheyAre() {
        assertThat(refused("osv:\n  ecosystem: [Go]\n")).isEqualTo("tandem-feeds.yaml: line 2, column 3: unknown key 'ecosystem': "
                + "use url, path and ecosystems");
        assertThat(refused("nvdcve: default\n")).startsWith("tandem-feeds.yaml: line 1, column 1: unknown key 'nvdcve'");
        assertThat(refused("nvd:\n  years: [2001]\n")).contains("line 2").contains("2002 or later");
        assertThat(refused("nvd:\n  years: [2024, 2024]\n")).contains("listed twice");
        assertThat(refused("nvd:\n  years: []\n")).contains("'years' is empty");
        assertThat(refused("nvd:\n  years: [twenty]\n")).contains("'twenty'");
        assertThat(refused("nvd:\n  url: mirror/nvd\n")).contains("'url' is an http(s) URL");
        assertThat(refused("nvd:\n  feeds: [modified]\n")).contains("unknown key 'feeds': use url, path and years");
        assertThat(refused("kev:\n  cisa: default\n  us: default\n")).contains("line 3").contains("unknown key 'us'");
        assertThat(refused("epss: ftp://example.org/epss.csv\n")).contains("line 1").contains("not ftp://");
        assertThat(refused("kev:\n  cisa:\n    url: mirror/kev.json\n")).contains("line 3")
                .contains("'url' is an http(s) URL; write a local file or folder as 'path'");
        assertThat(refused("kev:\n  cisa:\n    path: https://example.org/kev.json\n")).contains("'path' is a local file");
        assertThat(refused("kev:\n  cisa:\n    url: default\n    sha256: 1234\n")).contains("line 4").contains("64 hexadecimal");
        assertThat(refused("osv:\n  ecosystems: [Go, Go]\n")).contains("listed twice");
        assertThat(refused("osv:\n  ecosystems: [../../etc]\n")).contains("not an OSV ecosystem name");
        assertThat(refused("osv:\n  ecosystems: []\n")).contains("is empty");
        assertThat(refused("kev:\n  cisa:\nepss: default\n")).contains("line 2").contains("leave the feed out to skip it");
        assertThat(refused("kev: default\n")).contains("'kev' is a mapping with the keys cisa and eu");
        assertThat(refused("")).contains("names no feed");
        assertThat(refused("epss: a\nepss: b\n")).contains("key 'epss' is given twice");
        assertThat(refused("- osv\n")).contains("a feeds file is a mapping");
    }
}
