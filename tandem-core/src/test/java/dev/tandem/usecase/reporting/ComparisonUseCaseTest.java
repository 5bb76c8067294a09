package dev.tandem.usecase.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.comparison.Finding;
import dev.tandem.reporting.comparison.TimingRow;
import dev.tandem.usecase.KnowledgeBase;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonUseCaseTest {

    private static final LocalDate ON = LocalDate.of(2026, 12, 1);
    private final ComparisonUseCase useCase = new ComparisonUseCase(KnowledgeBase.bundled());

    @Test
    void aPairAcrossTheAtlanticInCatalogOrder() throws Exception {
        ComparisonResult result = useCase.run(new ComparisonRequest(List.of("us-circia", "eu-nis2"), ON));
        assertThat(result.frameworks()).extracting(Framework::id).containsExactly("eu-nis2", "us-circia");
        assertThat(result.timing()).extracting(TimingRow::framework).containsOnly("eu-nis2", "us-circia");
        assertThat(result.timing()).filteredOn(t -> t.framework().equals("eu-nis2") && t.stage().equals("notification"))
                .singleElement().satisfies(t -> assertThat(t.period().iso()).isEqualTo("PT72H"));
        assertThat(result.findings()).extracting(Finding::id).contains("not-in-force-us-circia", "common-period-PT72H");
        assertThat(result.fields()).allSatisfy(row -> assertThat(row.requiredBy()).isNotEmpty());
        assertThat(result.on()).isEqualTo(ON);
        assertThat(result.catalog()).isEqualTo(KnowledgeBase.bundled().fingerprint());
    }

    @Test
    void noIdsMeansEveryFrameworkAndAnUnknownIdIsRefused() throws Exception {
        assertThat(useCase.run(new ComparisonRequest(List.of(), ON)).frameworks()).hasSize(25);
        assertThatThrownBy(() -> useCase.run(new ComparisonRequest(List.of("eu-nis2", "eu-nis3"), ON)))
                .isInstanceOfSatisfying(UnknownIdException.class, e -> {
                    assertThat(e.id()).isEqualTo("eu-nis3");
                    assertThat(e.getMessage()).startsWith("unknown framework 'eu-nis3'; known: ");
                });
    }
}
