package dev.tandem.advisory.cvss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class CvssTest {

    static Stream<Arguments> v4() throws IOException {
        return vectors("cvss4.txt");
    }

    static Stream<Arguments> v31() throws IOException {
        return vectors("cvss31.txt");
    }

    static Stream<Arguments> v2() throws IOException {
        return vectors("cvss2.txt");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("v4")
    void cvss4MatchesTheReferenceImplementation(String vector, double expected) {
        SeverityScore score = Cvss.score("CVSS_V4", vector);
        assertThat(score.baseScore()).isEqualTo(expected);
        assertThat(score.rating()).isEqualTo(Rating.ofScore(expected));
        assertThat(score.problem()).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("v31")
    void cvss31MatchesTheReferenceImplementation(String vector, double expected) {
        assertThat(Cvss.score("CVSS_V3", vector).baseScore()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("v2")
    void cvss2MatchesTheReferenceImplementation(String vector, double expected) {
        SeverityScore score = Cvss.score("CVSS_V2", vector);
        assertThat(score.baseScore()).isEqualTo(expected);
        assertThat(score.rating()).isEqualTo(Cvss.ratingOfV2(expected));
    }

    @Test
    void cvss30RoundsWithAPlainCeiling() {
        // RUSTSEC-2016-0001 states this v3.0 vector; NVD scores it 8.1.
        assertThat(Cvss.score("CVSS_V3", "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H").baseScore()).isEqualTo(8.1);
        assertThat(Cvss.score("CVSS_V3", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").baseScore()).isEqualTo(9.8);
    }

    @Test
    void temporalAndEnvironmentalMetricsAreAcceptedButTheBaseScoreIsReported() {
        assertThat(Cvss.score("CVSS_V3", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:U/CR:L")
                .baseScore()).isEqualTo(9.8);
        assertThat(Cvss.score("CVSS_V2", "AV:N/AC:L/Au:N/C:P/I:P/A:P/E:U/RL:OF/RC:UC").baseScore()).isEqualTo(7.5);
    }

    @Test
    void v2RatingHasNoCriticalBand() {
        SeverityScore score = Cvss.score("CVSS_V2", "AV:N/AC:L/Au:N/C:C/I:C/A:C");
        assertThat(score.rating()).isEqualTo(Rating.HIGH);
        assertThat(Cvss.ratingOfV2(3.9)).isEqualTo(Rating.LOW);
        assertThat(Cvss.ratingOfV2(4.0)).isEqualTo(Rating.MEDIUM);
        assertThat(Cvss.ratingOfV2(0.0)).isEqualTo(Rating.NONE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H|the base metric A is missing",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/A:L|metric A appears more than once",
            "CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H|metric AV has no value \"X\"",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/ZZ:1|unknown metric \"ZZ\"",
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/|\"\" is not a METRIC:VALUE pair",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N|the base metric SA is missing",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N|metric SI has no value \"S\"",
            "CVSS:9.9/AV:N|unsupported CVSS version \"CVSS:9.9\"",
            "AV:N/AC:L/Au:N/C:P/I:P|the base metric A is missing",
    })
    void malformedVectorsScoreNaNWithAReasonAndKeepTheVector(String vector, String reason) {
        SeverityScore score = Cvss.score("CVSS_V3", vector);
        assertThat(score.baseScore()).isNaN();
        assertThat(score.rating()).isEqualTo(Rating.UNKNOWN);
        assertThat(score.vector()).isEqualTo(vector);
        assertThat(score.problem()).contains(reason);
    }

    @Test
    void aCvssTypeWithoutAVectorIsAProblemNotAnException() {
        SeverityScore score = Cvss.score("CVSS_V3", "9.8");
        assertThat(score.baseScore()).isNaN();
        assertThat(score.problem()).contains("needs a vector starting with CVSS:x.y/");
        assertThat(Cvss.score("CVSS_V4", "").problem()).contains("no score or vector");
        assertThat(Cvss.score("CVSS_V3", "CVSS:3.1/" + "AV:N/".repeat(10_000)).problem()).contains("appears more than once");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "Ubuntu,critical,CRITICAL", "Ubuntu,high,HIGH", "Ubuntu,medium,MEDIUM", "Ubuntu,low,LOW",
            "Ubuntu,negligible,LOW", "database_specific,MODERATE,MEDIUM", "database_specific,CRITICAL,CRITICAL",
            "Ubuntu,untriaged,UNKNOWN"})
    void textualRatingsMapToARatingWithoutAScore(String type, String text, Rating rating) {
        SeverityScore score = Cvss.score(type, text);
        assertThat(score.baseScore()).isNaN();
        assertThat(score.rating()).isEqualTo(rating);
        assertThat(score.problem().isEmpty()).isEqualTo(rating != Rating.UNKNOWN);
    }

    private static Stream<Arguments> vectors(String file) throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (InputStream in = CvssTest.class.getResourceAsStream("/advisory/cvss/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" - ");
                cases.add(Arguments.of(parts[0].strip(), Double.parseDouble(parts[1].strip())));
            }
        }
        assertThat(cases).hasSizeGreaterThan(30);
        return cases.stream();
    }
}
