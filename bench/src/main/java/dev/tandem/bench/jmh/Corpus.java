package dev.tandem.bench.jmh;

import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AdvisoryLoad;
import dev.tandem.advisory.AdvisoryLoader;
import dev.tandem.advisory.KevEntry;
import dev.tandem.advisory.KevReader;
import dev.tandem.advisory.LoadListener;
import dev.tandem.advisory.LoadOptions;
import dev.tandem.input.InputException;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomReaders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A generated corpus folder: {@code osv/<Ecosystem>/all.zip} (or {@code .json} files), {@code kev.json},
 * {@code corpus.properties}, {@code db.tdb} (built by {@code tandem db build}), {@code sbom-10k/} and
 * {@code portfolio/}. Real data (shared/data) uses the same layout through {@code bench/run-scale.sh}.
 */
final class Corpus {

    final Path root;

    private Corpus(Path root) {
        this.root = root;
    }

    static Corpus fromProperty() {
        String folder = System.getProperty("tandem.bench.corpus");
        if (folder == null) {
            throw new IllegalStateException("set -Dtandem.bench.corpus=<corpus folder> (see bench/run-scale.sh)");
        }
        return new Corpus(Path.of(folder));
    }

    Properties properties() {
        Properties properties = new Properties();
        try (var in = Files.newInputStream(root.resolve("corpus.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    List<Path> advisoryPaths() throws IOException {
        Path osv = root.resolve("osv");
        try (Stream<Path> children = Files.list(osv)) {
            List<Path> paths = new ArrayList<>();
            for (Path child : children.sorted().toList()) {
                Path zip = child.resolve("all.zip");
                paths.add(Files.exists(zip) ? zip : child.toRealPath()); // the loader does not follow a symlinked folder
            }
            return paths;
        }
    }

    List<KevEntry> kev() throws InputException {
        List<KevEntry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("kev")
                    && p.toString().endsWith(".json")).sorted().toList()) {
                entries.addAll(KevReader.read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    AdvisoryLoad load() throws IOException, InputException {
        return AdvisoryLoader.load(advisoryPaths(), LoadOptions.lenient(), LoadListener.NONE);
    }

    AdvisoryDatabase database() throws IOException, InputException {
        return AdvisoryDatabase.build(load().advisories(), kev());
    }

    Path snapshot() {
        return root.resolve("db.tdb");
    }

    Sbom sbom() throws IOException, InputException {
        try (Stream<Path> files = Files.list(root.resolve("sbom-10k"))) {
            return SbomReaders.read(files.sorted().findFirst().orElseThrow());
        }
    }

    List<Sbom> portfolio() throws IOException, InputException {
        List<Sbom> sboms = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve("portfolio"))) {
            for (Path file : files.sorted().toList()) {
                sboms.add(SbomReaders.read(file));
            }
        }
        return sboms;
    }
}
