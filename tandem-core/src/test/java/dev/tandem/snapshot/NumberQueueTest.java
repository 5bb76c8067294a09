package dev.tandem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The encoder's number queue hands every number over once, in order, and either side can stop the other. */
class NumberQueueTest {

    @Test
    void numbersArriveInOrderThroughASmallRing() throws Exception {
        NumberQueue queue = new NumberQueue(8);
        int count = 200_000;
        CompletableFuture<long[]> consumer = CompletableFuture.supplyAsync(() -> {
            long sum = 0;
            long outOfOrder = 0;
            for (int i = 0; i < count; i++) {
                int number = queue.pop();
                if (number != i) {
                    outOfOrder++;
                }
                sum += number;
                if (i % 37 == 0) {
                    queue.release();
                }
            }
            return new long[] {sum, outOfOrder};
        });
        for (int i = 0; i < count; i++) {
            queue.push(i);
            if (i % 53 == 0) {
                queue.publish();
            }
        }
        queue.finish();
        long[] result = consumer.get(60, TimeUnit.SECONDS);
        assertThat(result[1]).as("numbers out of order").isZero();
        assertThat(result[0]).isEqualTo((long) count * (count - 1) / 2);
    }

    @Test
    void aConsumerWaitsForABatchOrTheEnd() throws Exception {
        NumberQueue queue = new NumberQueue(16);
        queue.push(41);
        CompletableFuture<Integer> consumer = CompletableFuture.supplyAsync(queue::pop);
        Thread.sleep(50);
        assertThat(consumer).isNotDone();
        queue.publish();
        Thread.sleep(50);
        assertThat(consumer).as("fewer than a batch, the producer not finished").isNotDone();
        queue.finish();
        assertThat(consumer.get(10, TimeUnit.SECONDS)).isEqualTo(41);
    }

    @Test
    void aWaitingConsumerStopsWhenTheProducerAbandons() throws Exception {
        NumberQueue queue = new NumberQueue(4);
        CompletableFuture<Integer> consumer = CompletableFuture.supplyAsync(queue::pop);
        Thread.sleep(20);
        queue.abandon();
        assertThatThrownBy(() -> consumer.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(NumberQueue.Abandoned.class);
    }

    @Test
    void aProducerWaitingForRoomStopsWhenTheConsumerAbandons() throws Exception {
        NumberQueue queue = new NumberQueue(4);
        CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 100; i++) {
                queue.push(i);
            }
        });
        Thread.sleep(20);
        assertThat(producer).isNotDone(); // four numbers fill the ring
        queue.abandon();
        assertThatThrownBy(() -> producer.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(NumberQueue.Abandoned.class);
    }
}
