package dev.tandem.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The archive entry-name check finds a ".." segment exactly where splitting the name at either slash does. */
class UnsafeEntryNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"..", "../a.json", "a/../b.json", "a\\..\\b.json", "a/..", "a/..\\", "x/../", "./../y"})
    void aDotDotSegmentIsTraversal(String name) {
        assertThat(AdvisoryFiles.unsafeEntryName(name)).isEqualTo("path traversal with ..");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.json", "...json", "a/.../b.json", "..a/b.json", "a/b..json", "a/.b/..c", ".", "./a.json",
        "a//b.json", "a/b/"})
    void otherDotsAreNot(String name) {
        assertThat(AdvisoryFiles.unsafeEntryName(name)).isNull();
    }

    @Test
    void agreesWithSplittingAtEitherSlashOnGeneratedNames() {
        Random random = new Random(6);
        char[] alphabet = {'.', '.', '.', '/', '\\', 'a', 'b'};
        for (int n = 0; n < 200_000; n++) {
            StringBuilder name = new StringBuilder("x");
            int length = random.nextInt(9);
            for (int i = 0; i < length; i++) {
                name.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = random.nextBoolean() ? name.substring(1) : name.toString();
            if (text.isEmpty() || text.startsWith("/") || text.startsWith("\\")
                    || (text.length() > 1 && text.charAt(1) == ':')) {
                continue;
            }
            boolean traversal = false;
            for (String segment : text.split("[/\\\\]")) {
                traversal |= segment.equals("..");
            }
            assertThat(AdvisoryFiles.unsafeEntryName(text)).as(text)
                    .isEqualTo(traversal ? "path traversal with .." : null);
        }
    }
}
