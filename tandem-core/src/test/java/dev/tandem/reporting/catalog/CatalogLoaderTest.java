package dev.tandem.reporting.catalog;

import dev.tandem.catalog.Confidence;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogLoaderTest {

    private final ReportingCatalog catalog = CatalogLoader.bundled();

    /**
     * The framework and stage ids are a contract: those of the reporting-obligations issue (first
     * list) keep their ids and their stages in order, new stages only after them; the regimes added
     * since (issue 14) are pinned too.
     */
    @Test
    void frameworkAndStageIdsAreTheContract() {
        Map<String, List<String>> original = new java.util.LinkedHashMap<>();
        original.put("eu-cra-vulnerability", List.of("early-warning", "notification", "final-report"));
        original.put("eu-cra-incident", List.of("early-warning", "notification", "final-report"));
        original.put("eu-nis2", List.of("early-warning", "notification", "final-report"));
        original.put("eu-gdpr", List.of("notification"));
        original.put("eu-dora", List.of("initial-notification", "intermediate-report", "final-report"));
        original.put("us-circia", List.of("incident-report", "ransom-payment-report"));
        original.put("us-sec-8k", List.of("form-8k"));
        original.put("us-nydfs", List.of("notification", "extortion-payment-notice", "extortion-payment-justification"));
        original.put("us-dfars", List.of("report"));
        original.put("us-nerc-cip-008", List.of("initial-notification"));
        original.put("us-hipaa", List.of("individual-notice"));
        Map<String, List<String>> added = new java.util.LinkedHashMap<>();
        added.put("eu-gdpr", List.of("notification", "data-subject-communication", "processor-notice"));
        added.put("us-hipaa", List.of("individual-notice", "media-notice", "hhs-notice", "hhs-annual-notice", "business-associate-notice"));
        added.put("eu-eidas", List.of("breach-notification"));
        added.put("eu-eprivacy-breach", List.of("notification", "second-notification", "subscriber-notice"));
        added.put("eu-cer", List.of("initial-notification", "detailed-report"));
        added.put("eu-ai-act", List.of("serious-incident-report"));
        added.put("us-bank-36h", List.of("regulator-notification", "customer-bank-notice"));
        added.put("us-ncua", List.of("notification"));
        added.put("us-fcc-cpni", List.of("law-enforcement-notice"));
        added.put("us-fcc-cpni-2023", List.of("agency-notice", "customer-notice"));
        added.put("us-sec-reg-s-p", List.of("customer-notice", "service-provider-notice"));
        added.put("us-doe-417", List.of("emergency-alert", "normal-report", "attempted-cyber-compromise", "system-report", "final-report"));
        added.put("us-tsa-pipeline", List.of("cisa-report"));
        added.put("us-tsa-rail", List.of("cisa-report"));
        added.put("uk-nis", List.of("oes-notification", "rdsp-notification"));
        added.put("uk-gdpr", List.of("notification", "data-subject-communication", "processor-notice"));
        assertThat(catalog.frameworks()).extracting(Framework::id).containsAll(original.keySet()).containsAll(added.keySet())
                .hasSize(25);
        original.forEach((id, stages) -> assertThat(catalog.framework(id).orElseThrow().stages())
                .extracting(Stage::id).as(id).startsWith(stages.toArray(String[]::new)));
        added.forEach((id, stages) -> assertThat(catalog.framework(id).orElseThrow().stages())
                .extracting(Stage::id).as(id).containsExactlyElementsOf(stages));
        // Display order: every EU regime, then every US regime, then every UK one.
        List<String> jurisdictions = catalog.frameworks().stream().map(Framework::jurisdiction).toList();
        assertThat(jurisdictions).isSortedAccordingTo(java.util.Comparator.comparingInt(Framework.JURISDICTIONS::indexOf));
    }

    @Test
    void everyRuleStageAndFieldCarriesASourceAndConfidence() {
        for (Framework framework : catalog.frameworks()) {
            assertThat(framework.inForce().source()).as(framework.id()).isNotBlank();
            for (ApplicabilityRule rule : framework.applicability()) {
                assertThat(rule.source()).as(framework.id() + "/" + rule.id()).isNotBlank();
                assertThat(rule.confidence()).isNotNull();
            }
            for (Stage stage : framework.stages()) {
                assertThat(stage.source()).as(framework.id() + "/" + stage.id()).isNotBlank();
                assertThat(stage.recipient()).isNotBlank();
                assertThat(stage.channel()).isNotBlank();
                assertThat(stage.fields()).as(framework.id() + "/" + stage.id() + " fields").isNotEmpty();
                stage.fields().forEach(f -> assertThat(f.source()).as(f.field()).isNotBlank());
            }
        }
        catalog.fields().forEach(f -> assertThat(f.source()).as(f.id()).isNotBlank());
        catalog.countingRules().forEach(r -> r.parts().forEach(p -> assertThat(p.source()).isNotBlank()));
    }

    @Test
    void everySourcedCatalogEntryCarriesAConfidenceTagAndEveryListEntryASource() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper();
        java.util.List<java.nio.file.Path> files = new java.util.ArrayList<>();
        for (String dir : java.util.List.of("../catalog/reporting", "../catalog/calendars")) {
            try (var walk = java.nio.file.Files.walk(java.nio.file.Path.of(dir))) {
                walk.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
            }
        }
        assertThat(files).hasSizeGreaterThan(15);
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (java.nio.file.Path file : files) {
            com.fasterxml.jackson.databind.JsonNode root = yaml.readTree(file.toFile());
            visit(root, file.getFileName() + "", problems);
            // Entries of the top-level lists (fields, roles, kinds, rules, notices) are sourced one by one.
            root.properties().forEach(e -> {
                if (e.getValue().isArray() && !e.getKey().equals("frameworks") && !e.getKey().equals("holidays")
                        && !e.getKey().equals("notes")) {
                    e.getValue().forEach(item -> {
                        if (item.isObject() && !item.has("source") && !item.has("parts")) {
                            problems.add(file.getFileName() + " " + e.getKey() + ": " + item.path("id").asText() + " has no source");
                        }
                    });
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    private static void visit(com.fasterxml.jackson.databind.JsonNode node, String where, java.util.List<String> problems) {
        if (node.isObject()) {
            if (node.has("source") && (!node.hasNonNull("confidence") || node.get("confidence").asText().isBlank())) {
                problems.add(where + ": " + node.path("id").asText(node.path("field").asText()) + " has a source but no confidence");
            }
            if (node.has("confidence") && !node.get("confidence").isObject()
                    && !java.util.Set.of("V", "S", "R", "U").contains(node.get("confidence").asText())) {
                problems.add(where + ": confidence " + node.get("confidence").asText() + " is not V, S, R or U");
            }
            node.properties().forEach(e -> visit(e.getValue(), where + "/" + e.getKey(), problems));
        } else if (node.isArray()) {
            node.forEach(item -> visit(item, where, problems));
        }
    }

    @Test
    void craArticle14AppliesFrom11September2026AndCirciaIsNotInForce() {
        InForce cra = catalog.framework("eu-cra-vulnerability").orElseThrow().inForce();
        assertThat(cra.on(LocalDate.of(2026, 9, 10))).isFalse();
        assertThat(cra.on(LocalDate.of(2026, 9, 11))).isTrue();
        assertThat(cra.confidence()).isEqualTo(Confidence.VERIFIED);
        InForce circia = catalog.framework("us-circia").orElseThrow().inForce();
        assertThat(circia.on(LocalDate.of(2030, 1, 1))).isFalse();
        assertThat(circia.describe()).isEqualTo("not in force");
    }

    /** Facts the reference tags [U] are in the catalog as unconfirmed, never as certain. */
    @Test
    void referenceUnconfirmedFactsStayUnconfirmed() {
        Framework cra = catalog.framework("eu-cra-vulnerability").orElseThrow();
        assertThat(cra.notes()).filteredOn(n -> n.text().contains("open-source software stewards"))
                .singleElement().extracting(Note::confidence).isEqualTo(Confidence.UNCONFIRMED);
        assertThat(cra.notes()).filteredOn(n -> n.text().contains("Single Reporting Platform"))
                .singleElement().extracting(Note::confidence).isEqualTo(Confidence.UNCONFIRMED);
        Framework gdpr = catalog.framework("eu-gdpr").orElseThrow();
        assertThat(gdpr.notes()).filteredOn(n -> n.text().contains("96 hours"))
                .singleElement().extracting(Note::confidence).isEqualTo(Confidence.UNCONFIRMED);
        assertThat(gdpr.stage("notification").orElseThrow().period().hours()).isEqualTo(72);
        Stage extortion = catalog.framework("us-nydfs").orElseThrow().stage("extortion-payment-notice").orElseThrow();
        assertThat(extortion.fields()).allSatisfy(f -> assertThat(f.confidence()).isEqualTo(Confidence.UNCONFIRMED));
        assertThat(catalog.calendar("weekends-only").orElseThrow().confidence()).isEqualTo(Confidence.UNCONFIRMED);
    }

    @Test
    void periodsMatchTheReference() {
        assertThat(period("eu-cra-vulnerability", "final-report")).isEqualTo("P14D");
        assertThat(period("eu-cra-incident", "final-report")).isEqualTo("P1M");
        assertThat(period("eu-dora", "initial-notification")).isEqualTo("PT4H");
        assertThat(period("eu-dora", "intermediate-report")).isEqualTo("PT72H");
        assertThat(period("us-sec-8k", "form-8k")).isEqualTo("4BD");
        assertThat(period("us-nydfs", "extortion-payment-justification")).isEqualTo("P30D");
        assertThat(period("us-nerc-cip-008", "initial-notification")).isEqualTo("PT1H");
        assertThat(period("us-hipaa", "individual-notice")).isEqualTo("P60D");
        assertThat(period("us-circia", "ransom-payment-report")).isEqualTo("PT24H");
    }

    private String period(String framework, String stage) {
        return catalog.framework(framework).orElseThrow().stage(stage).orElseThrow().period().iso();
    }
}
