package dev.tandem.usecase.pqc;

import dev.tandem.input.InputDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What to plan: CycloneDX JSON CBOMs or CycloneDX / SPDX JSON SBOMs, the markets whose dates apply
 * ({@code eu}, {@code us}), the sectors (ids or aliases such as {@code energy}, any case), and the day the
 * plan is made.
 */
public record PqcPlanRequest(List<InputDocument> documents, List<String> markets, List<String> sectors, LocalDate on,
        Instant generatedAt) {

    /** The markets a front end offers by default. */
    public static final List<String> DEFAULT_MARKETS = List.of("eu", "us");
    /** The sectors a front end offers by default. */
    public static final List<String> DEFAULT_SECTORS = List.of("general");

    public PqcPlanRequest {
        documents = List.copyOf(documents);
        markets = markets == null ? DEFAULT_MARKETS : List.copyOf(markets);
        sectors = sectors == null ? DEFAULT_SECTORS : List.copyOf(sectors);
        Objects.requireNonNull(on, "on");
    }

    /** A request whose generation instant is not said. */
    public PqcPlanRequest(List<InputDocument> documents, List<String> markets, List<String> sectors, LocalDate on) {
        this(documents, markets, sectors, on, null);
    }
}
