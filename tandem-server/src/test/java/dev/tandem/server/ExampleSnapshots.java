package dev.tandem.server;

import dev.tandem.input.InputDocument;
import dev.tandem.usecase.scan.AdvisoryInput;
import dev.tandem.usecase.scan.DbBuildRequest;
import dev.tandem.usecase.scan.DbBuildUseCase;
import dev.tandem.usecase.scan.KevInput;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Advisory snapshots of the bundled examples with a KEV catalogue (and EPSS) a test chooses, for snapshot swaps. */
public final class ExampleSnapshots {

    /** The build time of every snapshot made here: the same inputs give the same bytes. */
    public static final Instant BUILT = Instant.parse("2026-12-06T00:00:00Z");

    private ExampleSnapshots() {
    }

    /** The examples' advisories with the given CISA KEV (and the EU KEV) and EPSS, as {@code tandem db build} builds them. */
    public static byte[] build(byte[] cisa, byte[] epss) throws Exception {
        List<InputDocument> advisories = new ArrayList<>();
        for (String folder : List.of("go", "crates.io")) {
            try (Stream<Path> files = Files.list(Path.of("../examples/advisories", folder))) {
                for (Path file : files.sorted().toList()) {
                    advisories.add(new InputDocument("examples/advisories/" + folder + "/" + file.getFileName(),
                            Files.readAllBytes(file)));
                }
            }
        }
        List<KevInput> kev = List.of(
                KevInput.of(new InputDocument("examples/kev/cisa-known-exploited-vulnerabilities.json", cisa)),
                KevInput.of(new InputDocument("examples/kev/eu-kev.json",
                        Files.readAllBytes(Path.of("../examples/kev/eu-kev.json")))));
        ByteBuffer buffer = new DbBuildUseCase().run(new DbBuildRequest(new AdvisoryInput.Documents(advisories, false),
                kev, BUILT, epss == null ? null : new InputDocument("epss.csv", epss), null)).snapshot();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
