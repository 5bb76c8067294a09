package dev.tandem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The encoder's open-addressing dictionary answers as a HashMap would, through growth and collisions. */
class StringIndexTest {

    @Test
    void answersAsAHashMapThroughManyResizes() {
        StringIndex index = new StringIndex(1);
        Map<String, Integer> model = new HashMap<>();
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            String text = Integer.toString(random.nextInt(60_000), 36) + (random.nextBoolean() ? "" : "ü");
            // Equal but not the same String half of the time: the reference test must not be the only one.
            String probe = random.nextBoolean() ? text : new String(text.toCharArray());
            int answer = index.putIfAbsent(probe, model.size());
            Integer expected = model.putIfAbsent(text, model.size());
            assertThat(answer).isEqualTo(expected == null ? StringIndex.ABSENT : expected);
        }
        assertThat(index.size()).isEqualTo(model.size());
        model.forEach((text, number) -> assertThat(index.get(new String(text.toCharArray()))).isEqualTo(number));
        assertThat(index.get("not there")).isEqualTo(StringIndex.ABSENT);
    }

    @Test
    void textsWithTheSameHashStayApart() {
        // "Aa" and "BB" have the same String.hashCode, so do all their concatenations.
        StringIndex index = new StringIndex(4);
        String[] colliding = {"AaAa", "AaBB", "BBAa", "BBBB", "AaAaAa", "", "\u0000"};
        assertThat("AaAa".hashCode()).isEqualTo("BBBB".hashCode());
        for (int i = 0; i < colliding.length; i++) {
            assertThat(index.putIfAbsent(colliding[i], i)).isEqualTo(StringIndex.ABSENT);
        }
        for (int i = 0; i < colliding.length; i++) {
            assertThat(index.get(colliding[i])).isEqualTo(i);
            assertThat(index.putIfAbsent(colliding[i], 99)).isEqualTo(i);
        }
    }

    @Test
    void refusesNegativeNumbers() {
        assertThatThrownBy(() -> new StringIndex(4).putIfAbsent("x", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
