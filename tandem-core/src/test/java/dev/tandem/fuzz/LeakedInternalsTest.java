package dev.tandem.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LeakedInternalsTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aClassNameOrExceptionTheInputDoesNotSupplyIsALeak() {
        assertThat(LeakedInternals.in("bom.json: line 1: com.fasterxml.jackson.core.JsonParseException: x", bytes("{")))
                .containsExactly("com.fasterxml", "Exception");
        assertThat(LeakedInternals.in("doc.spdx: java.lang.NumberFormatException", bytes("SPDXVersion: 2")))
                .containsExactly("java.lang", "Exception");
    }

    @Test
    void inputEchoedInTheMessageIsNotALeak() {
        // The CI finding of 2026-12-06: a purl quoted (and abbreviated) in a tag-value error.
        String line = "XRcenseConcluded: Apache-2Ref: PACKAGE_MANAGER purl pkg:maven/org.acme/widget@1 Exception";
        assertThat(LeakedInternals.in("doc.spdx: line 28, column 1: expected a \"Tag: value\" line, found \""
                + line.substring(0, 70) + "...\" Exception", bytes(line))).isEmpty();
    }
}
