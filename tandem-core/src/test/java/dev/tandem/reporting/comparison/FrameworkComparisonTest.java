package dev.tandem.reporting.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.reporting.catalog.CatalogLoader;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.catalog.Stage;
import dev.tandem.reporting.catalog.StageField;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FrameworkComparisonTest {

    private static final LocalDate ON = LocalDate.of(2026, 11, 22);
    private final ReportingCatalog catalog = CatalogLoader.bundled();
    private final Comparison all = new FrameworkComparison(catalog).compare(List.of(), ON);

    private Stage stage(Evidence e) {
        return catalog.framework(e.framework()).orElseThrow().stage(e.stage()).orElseThrow();
    }

    private Finding finding(String id) {
        return all.findings().stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + id + " in " + all.findings().stream().map(Finding::id).toList()));
    }

    @Test
    void coversEveryFrameworkAndEveryStageOfTheObligationsEngine() {
        assertThat(all.frameworks()).extracting(Framework::id)
                .containsExactlyElementsOf(catalog.frameworks().stream().map(Framework::id).toList());
        long stages = catalog.frameworks().stream().mapToLong(f -> f.stages().size()).sum();
        assertThat(all.timing()).hasSize((int) stages);
        for (Framework framework : catalog.frameworks()) {
            for (Stage stage : framework.stages()) {
                for (StageField field : stage.fields()) {
                    assertThat(all.fields()).filteredOn(r -> r.field().id().equals(field.field())).singleElement()
                            .satisfies(r -> assertThat(r.requiredBy()).anyMatch(q -> q.framework().equals(framework.id())
                                    && q.stage().equals(stage.id()) && q.source().equals(field.source())));
                }
            }
        }
    }

    @Test
    void everyStatementHasEvidenceThatExistsInTheCatalogWithItsSource() {
        assertThat(all.findings()).isNotEmpty();
        for (Finding finding : all.findings()) {
            assertThat(finding.evidence()).as(finding.id()).isNotEmpty();
            for (Evidence e : finding.evidence()) {
                Framework framework = catalog.framework(e.framework()).orElseThrow();
                if (e.stage() == null) {
                    assertThat(e.source()).isEqualTo(framework.inForce().source());
                    continue;
                }
                Stage stage = stage(e);
                if (e.field() == null) {
                    assertThat(e.source()).as(finding.id()).isEqualTo(stage.source());
                } else {
                    assertThat(stage.fields()).as(finding.id()).anyMatch(f -> f.field().equals(e.field()) && f.source().equals(e.source()));
                }
            }
        }
    }

    @Test
    void theSeventyTwoHourAnchorRestsOnSeventyTwoHourStagesOnBothSides() {
        Finding anchor = finding("common-period-PT72H");
        assertThat(anchor.kind()).isEqualTo(FindingKind.ALIGNMENT);
        assertThat(anchor.evidence()).allSatisfy(e -> assertThat(stage(e).period().iso()).isEqualTo("PT72H"));
        Set<String> sides = anchor.evidence().stream().map(e -> catalog.framework(e.framework()).orElseThrow().jurisdiction())
                .collect(Collectors.toSet());
        assertThat(sides).containsExactlyInAnyOrder("EU", "US");
        assertThat(anchor.evidence()).extracting(e -> e.framework() + "/" + e.stage())
                .contains("eu-nis2/notification", "eu-gdpr/notification", "us-circia/incident-report", "us-nydfs/notification");
    }

    @Test
    void oneSidedStagesAndFieldsMatchTheReference() {
        // The reference (§13) found early warnings and fixed final reports on the EU side only; DOE-417 (an
        // Emergency Alert within 1 hour, a final report within 72 hours, Form DOE-417 "Response Due") is the
        // one US regime of the catalog that has both, so the derived findings now say "both sides".
        Finding earlyWarning = finding("stage-kind-early-warning");
        assertThat(earlyWarning.kind()).isEqualTo(FindingKind.ALIGNMENT);
        assertThat(earlyWarning.evidence()).filteredOn(e -> e.framework().startsWith("us-")).extracting(e -> e.framework() + "/" + e.stage())
                .containsExactly("us-doe-417/emergency-alert");
        assertThat(finding("stage-kind-final-report").evidence()).filteredOn(e -> e.framework().startsWith("us-"))
                .extracting(e -> e.framework() + "/" + e.stage()).containsExactly("us-doe-417/final-report");
        assertThat(finding("stage-kind-ransom-payment-report").evidence()).allSatisfy(e -> assertThat(e.framework()).startsWith("us-"));
        assertThat(finding("fields-eu-only").text()).contains("geo.member_states_available", "meta.sensitivity", "flag.suspected_malicious");
        assertThat(finding("fields-us-only").text()).contains("security.defenses_in_place", "ransom.amount_paid", "impact.material_financial");
        assertThat(finding("time-basis-businessDays").evidence()).extracting(Evidence::framework)
                .containsExactly("us-sec-8k", "us-fcc-cpni", "us-fcc-cpni-2023");
        assertThat(finding("clock-start-materialityDeterminedAt").kind()).isEqualTo(FindingKind.DIVERGENCE);
        assertThat(finding("not-in-force-us-circia").kind()).isEqualTo(FindingKind.DIVERGENCE);
    }

    @Test
    void timingRunsFastestToSlowestByFirstReport() {
        List<String> order = all.timing().stream().filter(TimingRow::firstReport).map(TimingRow::framework).toList();
        // NERC CIP-008-6 R4.2 and the DOE-417 Emergency Alert: 1 hour; then DORA's 4 hours after classification.
        assertThat(order.subList(0, 3)).containsExactly("us-nerc-cip-008", "us-doe-417", "eu-dora");
        assertThat(order.get(order.size() - 1)).isEqualTo("us-hipaa");
        List<Long> hours = all.timing().stream().filter(TimingRow::firstReport).map(TimingRow::minimumHours).toList();
        assertThat(hours).isSorted();
        assertThat(finding("fastest-first-report").text()).contains("us-nerc-cip-008/initial-notification", "eu-dora/initial-notification");
    }

    @Test
    void aOneSidedSelectionMakesNoCrossSideStatements() {
        Comparison eu = new FrameworkComparison(catalog).compare(List.of("eu-nis2", "eu-gdpr"), ON);
        assertThat(eu.frameworks()).extracting(Framework::id).containsExactly("eu-nis2", "eu-gdpr");
        assertThat(eu.findings()).isEmpty();
        assertThatThrownBy(() -> new FrameworkComparison(catalog).compare(List.of("eu-nis3"), ON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eu-nis2");
    }

    /**
     * The UK regimes are in the timing table and the field matrix, grouped as their own side, but the
     * alignments and divergences compare the EU and the US only: no UK stage is evidence for an EU-US statement.
     */
    @Test
    void ukRegimesAreShownButNotPartOfTheEuUsStatements() {
        assertThat(all.timing()).filteredOn(t -> t.jurisdiction().equals("UK")).extracting(TimingRow::framework)
                .contains("uk-nis", "uk-gdpr");
        assertThat(all.fields()).filteredOn(f -> f.requiredIn("UK")).extracting(f -> f.field().id()).contains("incident.duration");
        assertThat(all.findings()).allSatisfy(f -> assertThat(f.evidence()).allSatisfy(e -> assertThat(e.framework()).doesNotStartWith("uk-")));
        // incident.duration is required by UK NIS only: no "only one side" statement names it.
        assertThat(all.findings()).allSatisfy(f -> assertThat(f.text()).doesNotContain("incident.duration"));
    }

    /**
     * Duties owed "without undue delay" (GDPR Art 34(1)) or "as soon as possible" (12 CFR 53.4) have no
     * period to rank or to count a common deadline with: they get their own statement and never a first-report rank.
     */
    @Test
    void dutiesWithoutAFixedPeriodAreNamedNotRanked() {
        Finding finding = finding("no-fixed-period");
        assertThat(finding.kind()).isEqualTo(FindingKind.ALIGNMENT);
        assertThat(finding.evidence()).extracting(e -> e.framework() + "/" + e.stage())
                .contains("eu-gdpr/data-subject-communication", "us-bank-36h/customer-bank-notice");
        assertThat(all.timing()).filteredOn(t -> !t.period().fixed()).noneMatch(TimingRow::firstReport);
        assertThat(all.findings()).filteredOn(f -> f.id().startsWith("common-period-")).extracting(Finding::id).doesNotContain("common-period-ASAP");
    }

    /** Variants travel with their stage: the AI Act's 2 and 10 days beside the 15 (Art 73(2)-(4)). */
    @Test
    void variantsAreCarriedWithTheirStage() {
        TimingRow ai = all.timing().stream().filter(t -> t.framework().equals("eu-ai-act")).findFirst().orElseThrow();
        assertThat(ai.period().iso()).isEqualTo("P15D");
        assertThat(ai.variants()).extracting(v -> v.period().iso()).containsExactly("P10D", "P2D");
    }
}
