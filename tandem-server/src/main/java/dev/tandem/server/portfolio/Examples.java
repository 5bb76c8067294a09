package dev.tandem.server.portfolio;

import dev.tandem.input.InputDocument;
import dev.tandem.input.InputException;
import dev.tandem.server.auth.Caller;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.Products;
import dev.tandem.server.store.Snapshots;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.DbBuildRequest;
import dev.tandem.usecase.scan.DbBuildResult;
import dev.tandem.usecase.scan.DbBuildUseCase;
import dev.tandem.usecase.scan.KevInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The bundled examples (packaged in the server jar under {@code examples/}) loaded into the
 * organisation {@code default}: an advisory snapshot built from the example OSV records and both KEV
 * catalogues, three products with their SBOMs, a product profile and two incident records. Loading
 * twice adds nothing; a snapshot already in use is kept (it is likely a real one).
 */
public final class Examples {

    /** A product of the examples and the SBOM of its one release. */
    private record ExampleProduct(String slug, String name, String description, String version, String sbom) {
    }

    private static final List<ExampleProduct> PRODUCTS = List.of(
            new ExampleProduct("sc200-camera", "SC-200 Smart Camera",
                    "Connected camera: Rust image service, Go cloud agent, busybox, sensor firmware (fictitious product, real component versions).",
                    "2.4.1", "sboms/sc200-camera-firmware-2.4.1.cdx.json"),
            new ExampleProduct("proton-bridge", "Proton Bridge", "Real CycloneDX 1.2 SBOM of Proton Bridge 1.8.0 (Go).",
                    "1.8.0", "sboms/proton-bridge-v1.8.0.cdx.json"),
            new ExampleProduct("lumen-homecam-2", "Lumen HomeCam 2",
                    "Wi-Fi home security camera sold in the EU and the US (fictitious); has a product profile.", "2.4.0",
                    "products/smart-camera.cdx.json"));

    private final Database database;
    private final Clock clock;
    private final Portfolio portfolio;
    private final SbomIntake intake;
    private final SnapshotSwap swap;
    private final DocumentShelf shelf;

    public Examples(Database database, Clock clock, Portfolio portfolio, SbomIntake intake, SnapshotSwap swap,
            DocumentShelf shelf) {
        this.database = database;
        this.clock = clock;
        this.portfolio = portfolio;
        this.intake = intake;
        this.swap = swap;
        this.shelf = shelf;
    }

    /** What was loaded, for the log. */
    public record Loaded(boolean snapshot, int products, int documents) {
    }

    /** Loads the examples as {@code caller} (an operator admin of {@code default}). */
    public Loaded load(Caller caller) {
        boolean snapshotLoaded = false;
        if (database.read(h -> new Snapshots(h).current(false)).isEmpty()) {
            swap.replace(caller, snapshot(), "examples advisory snapshot");
            snapshotLoaded = true;
        }
        int products = 0;
        for (ExampleProduct example : PRODUCTS) {
            boolean exists = database.read(h -> new Products(h).find(caller.tenant(), example.slug()).isPresent());
            if (!exists) {
                portfolio.create(caller, example.slug(), example.name(), example.description());
                products++;
            }
            String file = example.sbom();
            intake.upload(caller, example.slug(), example.version(), resource(file), file.substring(file.indexOf('/') + 1),
                    "application/vnd.cyclonedx+json");
        }
        shelf.put(caller, DocumentShelf.PRODUCT_PROFILE, "lumen-homecam-2", "lumen-homecam-2",
                resource("products/smart-camera.yaml"), "application/yaml");
        shelf.put(caller, DocumentShelf.INCIDENT, "router-exploited-vulnerability.json", null,
                resource("incidents/router-exploited-vulnerability.json"), "application/json");
        shelf.put(caller, DocumentShelf.INCIDENT, "ransomware-energy-operator.yaml", null,
                resource("incidents/ransomware-energy-operator.yaml"), "application/yaml");
        return new Loaded(snapshotLoaded, products, 3);
    }

    /** The example advisories and KEV catalogues as a snapshot, built the way {@code tandem db build} builds it. */
    private byte[] snapshot() {
        List<InputDocument> advisories = new ArrayList<>();
        for (String folder : List.of("advisories/go", "advisories/crates.io")) {
            for (String name : list(folder)) {
                advisories.add(new InputDocument("examples/" + folder + "/" + name, resource(folder + "/" + name)));
            }
        }
        List<KevInput> kev = List.of(
                KevInput.of(new InputDocument("examples/kev/cisa-known-exploited-vulnerabilities.json",
                        resource("kev/cisa-known-exploited-vulnerabilities.json"))),
                KevInput.of(new InputDocument("examples/kev/eu-kev.json", resource("kev/eu-kev.json"))));
        try {
            DbBuildResult built = new DbBuildUseCase().run(new DbBuildRequest(new AdvisoryInput.Documents(advisories, false),
                    kev, clock.instant()));
            ByteBuffer buffer = built.snapshot();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (InputException e) {
            throw new IllegalStateException("the bundled examples do not build a snapshot: " + e.getMessage(), e);
        }
    }

    private static byte[] resource(String path) {
        try (InputStream in = Examples.class.getClassLoader().getResourceAsStream("examples/" + path)) {
            if (in == null) {
                throw new IllegalStateException("the bundled example " + path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file names in a folder of the bundled examples, sorted. */
    private static List<String> list(String folder) {
        URL url = Examples.class.getClassLoader().getResource("examples/" + folder);
        if (url == null) {
            throw new IllegalStateException("the bundled examples folder " + folder + " is missing");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem jar;
                try {
                    jar = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    jar = FileSystems.newFileSystem(uri, Map.of());
                }
                return names(jar.getPath("/examples/" + folder));
            }
            return names(Path.of(uri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }
}
