package dev.tandem.snapshot;

import java.util.concurrent.locks.LockSupport;

/**
 * The numbers the encoder's numbering thread hands its writing thread, in the order of their uses:
 * a bounded ring of ints with one producer and one consumer. Each side keeps its position in a
 * plain field and shows it to the other with a volatile write only now and then ({@link #publish},
 * {@link #release}, and whenever it must wait), so a number costs an array store and a load.
 */
final class NumberQueue {

    /** Thrown to the side still waiting when the other has stopped. */
    static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("the other side of the snapshot encoder stopped", null, false, false);
        }
    }

    private final int[] ring;
    private final int mask;

    // Producer side.
    private long written;
    private long room;
    // Consumer side.
    private long read;
    private long available;

    private volatile long published;
    private volatile long consumed;
    private volatile boolean abandoned;

    /** A ring of {@code capacity} numbers (rounded up to a power of two). */
    NumberQueue(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        ring = new int[size];
        mask = size - 1;
        room = size;
    }

    /** Producer: appends {@code number}; waits while the ring is full. */
    void push(int number) {
        if (written == room) {
            waitForRoom();
        }
        ring[(int) written & mask] = number;
        written++;
    }

    /** Producer: shows the consumer what was pushed so far. */
    void publish() {
        published = written;
    }

    /** Consumer: the next number; waits while none is published. */
    int pop() {
        if (read == available) {
            waitForNumbers();
        }
        return ring[(int) read++ & mask];
    }

    /** Consumer: shows the producer the room freed so far. */
    void release() {
        consumed = read;
    }

    /** Either side: stop; the other side's next wait throws {@link Abandoned}. */
    void abandon() {
        abandoned = true;
    }

    private void waitForRoom() {
        published = written;
        for (int spins = 0;; spins++) {
            room = consumed + ring.length;
            if (written < room) {
                return;
            }
            pause(spins);
        }
    }

    private void waitForNumbers() {
        consumed = read;
        for (int spins = 0;; spins++) {
            available = published;
            if (read < available) {
                return;
            }
            pause(spins);
        }
    }

    /** Spins a little (the other side is usually a few numbers away), then sleeps briefly. */
    private void pause(int spins) {
        if (abandoned) {
            throw new Abandoned();
        }
        if (spins < 200) {
            Thread.onSpinWait();
        } else {
            LockSupport.parkNanos(20_000);
        }
    }
}
