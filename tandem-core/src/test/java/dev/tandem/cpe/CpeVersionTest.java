package dev.tandem.cpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented version rule (docs/matching.md#cpe-versions), with the orders of the NVD case book (cases.md). */
class CpeVersionTest {

    @Test
    void openSslLetterReleasesFollowTheirRelease() {
        // cases.md: 1.0.2 < 1.0.2a < 1.0.2k < 1.0.2y < 1.0.2z < 1.0.2za < 1.0.2zf < 1.0.2zg
        List<String> ordered = List.of("1.0.2", "1.0.2a", "1.0.2k", "1.0.2y", "1.0.2z", "1.0.2za", "1.0.2zf", "1.0.2zg",
                "1.0.3", "1.1.0", "1.1.1", "1.1.1j", "1.1.1k", "3.0.0", "3.0.13", "3.0.15");
        assertOrdered(ordered);
    }

    @ParameterizedTest
    @CsvSource({
            "2016.73, 2016.74, -1",
            "4.19, 4.19.0, 0",
            "4.19, 4.19.1, -1",
            "6.1, 6.1.0.0, 0",
            "6.6.14, 6.6.15, -1",
            "6.6.15, 6.2, 1",
            "2.6.9, 2.6.10, -1",
            "2019.07, 2019.7, 0",
            "2019.04, 2019.07, -1",
            "1.0a, 1.0.1, 1",
            "7.4p1, 7.4, 1",
            "7.4p1, 7.5, -1",
            "1.0.1.56_1.0.43, 1.0.1.58_1.0.44, -1",
            "141126, 150317, -1",
            "1.0.2K, 1.0.2k, 0",
            "2022.83, 2022.82, 1",
            "v1.2, 1.2, 1"})
    void ordersAsTheRuleSays(String a, String b, int expected) {
        assertThat(Integer.signum(CpeVersion.compare(a, b))).isEqualTo(expected);
        assertThat(Integer.signum(CpeVersion.compare(b, a))).isEqualTo(-expected);
    }

    @Test
    void numbersOfAnyLengthCompareAsNumbers() {
        assertThat(CpeVersion.compare("1.99999999999999999999999", "1.100000000000000000000000")).isNegative();
        assertThat(CpeVersion.compare("1.0007", "1.7")).isZero();
    }

    @Property
    void isAntisymmetricAndTransitive(@ForAll("versions") String a, @ForAll("versions") String b,
            @ForAll("versions") String c) {
        assertThat(Integer.signum(CpeVersion.compare(a, b))).isEqualTo(-Integer.signum(CpeVersion.compare(b, a)));
        if (CpeVersion.compare(a, b) <= 0 && CpeVersion.compare(b, c) <= 0) {
            assertThat(CpeVersion.compare(a, c)).isLessThanOrEqualTo(0);
        }
    }

    /** CpeMatch compares the quoted WFN forms of versions; the order must not see the quoting. */
    @Property
    void quotingChangesNothing(@ForAll("versions") String a, @ForAll("versions") String b) {
        CpeValue quotedA = CpeValue.of(a);
        CpeValue quotedB = CpeValue.of(b);
        if (quotedA.isValue() && quotedB.isValue()) {
            assertThat(Integer.signum(CpeVersion.compare(quotedA.wfn(), quotedB.wfn())))
                    .isEqualTo(Integer.signum(CpeVersion.compare(a, b)));
            assertThat(Integer.signum(CpeVersion.compare(quotedA.wfn(), b))).isEqualTo(Integer.signum(CpeVersion.compare(a, b)));
        }
    }

    @Provide
    Arbitrary<String> versions() {
        return Arbitraries.strings().withChars("0123456789.ab-zZ_+~:()ü").ofMinLength(0).ofMaxLength(9);
    }

    private static void assertOrdered(List<String> ordered) {
        List<String> shuffled = new ArrayList<>(ordered);
        java.util.Collections.reverse(shuffled);
        shuffled.sort(CpeVersion.ORDER);
        assertThat(shuffled).containsExactlyElementsOf(ordered);
    }
}
