package dev.tandem.snapshot;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The numbers the encoder's numbering thread hands its writing thread, in the order of their uses:
 * a bounded ring of ints with one producer and one consumer. Each side keeps its position where
 * the other does not write (cells a cache line or more apart: a producer's position beside the
 * consumer's would move that line between the cores on every number) and shows it with a release
 * store only now and then ({@link #publish}, {@link #release}, and whenever it must wait). The
 * consumer, faster than the producer, waits for a batch of numbers rather than each vulnerability's
 * few, so the ring's lines are mostly complete when they change core.
 */
final class NumberQueue {

    /** Thrown to the side still waiting when the other has stopped. */
    static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("the other side of the snapshot encoder stopped", null, false, false);
        }
    }

    private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(long[].class);
    /** Cells 16 longs (128 bytes) apart, so no two sides' cells share a cache line or its pair. */
    private static final int WRITTEN = 16;
    private static final int ROOM = 17;
    private static final int READ = 32;
    private static final int AVAILABLE = 33;
    private static final int PUBLISHED = 48;
    private static final int CONSUMED = 64;
    private static final int FINISHED = 80;
    /** How many numbers a waiting consumer lets gather before it goes on. */
    static final int BATCH = 1024;

    private final long[] cells = new long[97];
    private final int[] ring;
    private final int mask;
    private volatile boolean abandoned;

    /** A ring of {@code capacity} numbers (rounded up to a power of two). */
    NumberQueue(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        ring = new int[size];
        mask = size - 1;
        cells[ROOM] = size;
    }

    /** Producer: appends {@code number}; waits while the ring is full. */
    void push(int number) {
        long[] c = cells;
        long written = c[WRITTEN];
        if (written == c[ROOM]) {
            waitForRoom(written);
        }
        ring[(int) written & mask] = number;
        c[WRITTEN] = written + 1;
    }

    /** Producer: shows the consumer what was pushed so far. */
    void publish() {
        CELL.setRelease(cells, PUBLISHED, cells[WRITTEN]);
    }

    /** Producer: shows the consumer everything pushed; it no longer waits for a batch. */
    void finish() {
        publish();
        CELL.setRelease(cells, FINISHED, 1L);
    }

    /** Consumer: the next number; waits while none is published. */
    int pop() {
        long[] c = cells;
        long read = c[READ];
        if (read == c[AVAILABLE]) {
            waitForNumbers(read);
        }
        c[READ] = read + 1;
        return ring[(int) read & mask];
    }

    /** Consumer: shows the producer the room freed so far. */
    void release() {
        CELL.setRelease(cells, CONSUMED, cells[READ]);
    }

    /** Either side: stop; the other side's next wait throws {@link Abandoned}. */
    void abandon() {
        abandoned = true;
    }

    private void waitForRoom(long written) {
        publish();
        for (int spins = 0;; spins++) {
            long room = (long) CELL.getAcquire(cells, CONSUMED) + ring.length;
            if (written < room) {
                cells[ROOM] = room;
                return;
            }
            pause(spins);
        }
    }

    private void waitForNumbers(long read) {
        release();
        for (int spins = 0;; spins++) {
            long available = (long) CELL.getAcquire(cells, PUBLISHED);
            // A batch (a full ring when the ring is smaller), or whatever there is once the producer
            // has finished.
            if (available - read >= Math.min(BATCH, ring.length)
                    || read < available && (long) CELL.getAcquire(cells, FINISHED) != 0) {
                cells[AVAILABLE] = available;
                return;
            }
            pause(spins);
        }
    }

    /** Spins a very little, then sleeps briefly: the other side is usually tens of microseconds away. */
    private void pause(int spins) {
        if (abandoned) {
            throw new Abandoned();
        }
        if (spins < 16) {
            Thread.onSpinWait();
        } else {
            LockSupport.parkNanos(20_000);
        }
    }
}
