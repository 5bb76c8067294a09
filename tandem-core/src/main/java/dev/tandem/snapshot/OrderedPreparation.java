package dev.tandem.snapshot;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Prepares items {@code 0 … count-1} on helper threads, in chunks, a bounded number of chunks ahead of
 * one consumer that takes them in order; a chunk no helper has started when the consumer needs it is
 * prepared by the consumer itself, so the result never depends on how many helpers run or how fast.
 * Only the preparation runs in parallel: what the consumer does with the items stays in item order.
 *
 * @param <T> what one item's preparation gives
 */
final class OrderedPreparation<T> implements AutoCloseable {

    private final int count;
    private final int chunkSize;
    private final int chunks;
    private final int lookAhead;
    private final IntFunction<T> prepare;
    private final Object[][] prepared;
    private final boolean[] ready;
    private final AtomicInteger nextChunk = new AtomicInteger();
    private final Object lock = new Object();
    private int consumedChunk; // guarded by lock: chunks before it are handed over and dropped
    private boolean closed; // guarded by lock
    private Throwable failure; // guarded by lock: a RuntimeException or an Error of a preparation

    /**
     * Starts {@code helpers} daemon threads (none for {@code helpers <= 0}: the consumer prepares every
     * chunk) that prepare chunks of {@code chunkSize} items at most {@code lookAhead} chunks ahead.
     */
    OrderedPreparation(int count, int chunkSize, int helpers, int lookAhead, IntFunction<T> prepare) {
        this.count = count;
        this.chunkSize = Math.max(1, chunkSize);
        this.chunks = (int) ((count + (long) this.chunkSize - 1) / this.chunkSize);
        this.lookAhead = Math.max(1, lookAhead);
        this.prepare = prepare;
        this.prepared = new Object[chunks][];
        this.ready = new boolean[chunks];
        for (int i = 0; i < helpers && i < chunks; i++) {
            Thread.ofPlatform().daemon().name("tandem-prepare-" + i).start(this::help);
        }
    }

    /** Item {@code i}; items must be taken in increasing order, each once. */
    @SuppressWarnings("unchecked")
    T get(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
        int chunk = i / chunkSize;
        synchronized (lock) {
            if (chunk > consumedChunk) {
                for (int c = consumedChunk; c < chunk; c++) {
                    prepared[c] = null; // handed over: the consumer holds what it still needs
                }
                consumedChunk = chunk;
                lock.notifyAll();
            }
        }
        while (true) {
            int next;
            synchronized (lock) {
                if (failure instanceof RuntimeException e) {
                    throw e;
                }
                if (failure instanceof Error e) {
                    throw e;
                }
                if (ready[chunk]) {
                    return (T) prepared[chunk][i - chunk * chunkSize];
                }
                next = nextChunk.get();
                if (next > chunk && (next >= chunks || next >= consumedChunk + lookAhead)) {
                    // A helper has the chunk and nothing else may be started yet: wait for it.
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while preparing the snapshot", e);
                    }
                    continue;
                }
            }
            // The chunk itself when no helper took it, else a later one: the consumer never idles
            // while there is work to prepare.
            if (nextChunk.compareAndSet(next, next + 1)) {
                run(next);
            }
        }
    }

    private void help() {
        while (true) {
            int chunk;
            synchronized (lock) {
                while (true) {
                    chunk = nextChunk.get();
                    if (closed || failure != null || chunk >= chunks) {
                        return;
                    }
                    if (chunk < consumedChunk + lookAhead) {
                        break;
                    }
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
            if (nextChunk.compareAndSet(chunk, chunk + 1)) {
                run(chunk);
            }
        }
    }

    private void run(int chunk) {
        int from = chunk * chunkSize;
        int to = Math.min(count, from + chunkSize);
        Object[] items = new Object[to - from];
        try {
            for (int i = from; i < to; i++) {
                items[i - from] = prepare.apply(i);
            }
        } catch (RuntimeException | Error e) {
            synchronized (lock) {
                if (failure == null) {
                    failure = e;
                }
                lock.notifyAll();
            }
            return;
        }
        synchronized (lock) {
            prepared[chunk] = items;
            ready[chunk] = true;
            lock.notifyAll();
        }
    }

    /** Stops the helpers (they finish the chunk in hand). */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            lock.notifyAll();
        }
    }
}
