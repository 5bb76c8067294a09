package dev.tandem.server.portfolio;

import java.util.ArrayList;
import java.util.List;

/**
 * How long each phase of a snapshot swap took (monotonic elapsed time, never a wall-clock reading),
 * so a bench can say where a swap's time goes without a profiler.
 */
public final class SwapPhases {

    /** One phase: its name and how long it took, in nanoseconds. */
    public record Phase(String name, long nanos) {
    }

    private final List<Phase> phases = new ArrayList<>();
    private long last = System.nanoTime();

    /** Ends the phase running since the previous mark (or since this was made) under {@code name}. */
    void mark(String name) {
        long now = System.nanoTime();
        phases.add(new Phase(name, now - last));
        last = now;
    }

    List<Phase> list() {
        return List.copyOf(phases);
    }
}
