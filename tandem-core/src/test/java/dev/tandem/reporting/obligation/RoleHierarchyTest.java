package dev.tandem.reporting.obligation;

import static dev.tandem.reporting.obligation.Evaluate.applies;
import static dev.tandem.reporting.obligation.Evaluate.at;
import static dev.tandem.reporting.obligation.Evaluate.find;
import static dev.tandem.reporting.obligation.Evaluate.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tandem.catalog.CatalogSource;
import dev.tandem.input.InputException;
import dev.tandem.reporting.catalog.ApplicabilityRule;
import dev.tandem.reporting.catalog.CatalogLoader;
import dev.tandem.reporting.catalog.Condition;
import dev.tandem.reporting.catalog.Framework;
import dev.tandem.reporting.catalog.ReportingCatalog;
import dev.tandem.reporting.catalog.Role;
import dev.tandem.reporting.catalog.RoleStanding;
import dev.tandem.reporting.catalog.Stage;
import dev.tandem.reporting.incident.IncidentReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Roles form a declared hierarchy in the catalog (catalog/reporting/roles.yaml): a role implies its
 * parents. Tested for every role, and against the legal texts that make one entity type part of a
 * wider one.
 */
class RoleHierarchyTest {

    private static final ReportingCatalog CATALOG = CatalogLoader.bundled();

    static Stream<String> roles() {
        return CATALOG.roles().stream().map(Role::id);
    }

    /** Every role, declared alone, holds itself and every role it implies, directly or through a parent. */
    @ParameterizedTest
    @MethodSource("roles")
    void everyRoleHoldsItsParentsAndTheirs(String role) throws Exception {
        var entity = new IncidentReader(CATALOG).read("r.yaml", record("Europe/Berlin", role, "kind: incident", "")).record().entity();
        Set<String> expected = new java.util.LinkedHashSet<>(List.of(role));
        List<String> queue = new ArrayList<>(CATALOG.role(role).orElseThrow().implies());
        while (!queue.isEmpty()) {
            String parent = queue.remove(0);
            if (expected.add(parent)) {
                queue.addAll(CATALOG.role(parent).orElseThrow().implies());
            }
        }
        assertThat(entity.roles()).containsExactly(role);
        assertThat(entity.effectiveRoles()).containsExactlyInAnyOrderElementsOf(expected);
        expected.forEach(r -> assertThat(entity.hasRole(r)).as(role + " holds " + r).isTrue());
    }

    /**
     * Every role satisfies every role test its ancestors satisfy: a rule asking for "role P or Q" holds
     * for a child of P, and a rule excluding P ("no role P") excludes the child too.
     */
    @ParameterizedTest
    @MethodSource("roles")
    void everyRoleMeetsTheRoleTestsOfItsAncestors(String role) throws Exception {
        var record = new IncidentReader(CATALOG).read("r.yaml", record("Europe/Berlin", role, "kind: incident", "")).record();
        for (String ancestor : CATALOG.roleHierarchy().ancestors(role)) {
            for (Condition condition : conditions()) {
                if (condition.roleAny().contains(ancestor)) {
                    assertThat(record.entity().hasRole(ancestor)).isTrue();
                    assertThat(Conditions.failingParts(condition, record)).as(role + " for roleAny " + condition.roleAny())
                            .noneMatch(p -> p.startsWith("role "));
                }
                if (condition.roleNone().contains(ancestor)) {
                    assertThat(Conditions.failingParts(condition, record)).as(role + " for roleNone " + condition.roleNone())
                            .contains("no role " + ancestor);
                }
            }
        }
    }

    private static List<Condition> conditions() {
        List<Condition> all = new ArrayList<>();
        for (Framework framework : CATALOG.frameworks()) {
            framework.applicability().stream().map(ApplicabilityRule::when).forEach(c -> collect(c, all));
            for (Stage stage : framework.stages()) {
                if (stage.when() != null) {
                    collect(stage.when(), all);
                }
                stage.variants().forEach(v -> collect(v.when(), all));
            }
        }
        return all;
    }

    private static void collect(Condition condition, List<Condition> into) {
        into.add(condition);
        condition.anyOf().forEach(c -> collect(c, into));
    }

    /**
     * DORA Art 2(1): "this Regulation applies to the following entities: (a) credit institutions; ...
     * (h) central counterparties; (i) trading venues; ..." — collectively "financial entities" (Art 2(2)).
     * NIS2 Art 4(1): where sector-specific Union legal acts require essential or important entities to
     * notify significant incidents with at least equivalent effect, "the relevant provisions of this
     * Directive ... shall not apply to such entities"; DORA Art 1(2): "In relation to financial entities
     * identified as essential or important entities pursuant to national rules transposing Article 3 of
     * Directive (EU) 2022/2555, this Regulation shall be considered a sector-specific Union legal act for
     * the purposes of Article 4 of that Directive."
     * So a credit institution, CCP or trading venue that is also a NIS2 essential entity reports a major
     * ICT-related incident under DORA, and NIS2 reporting gives way, even when the record names only the
     * specific type and not "financial entity".
     */
    @ParameterizedTest
    @ValueSource(strings = {"dora-credit-institution", "dora-ccp", "dora-trading-venue", "dora-payment-institution",
            "dora-e-money-institution", "dora-investment-firm", "dora-crypto-asset-service-provider", "dora-csd",
            "dora-insurance-undertaking"})
    void everyDoraEntityTypeIsADoraFinancialEntityAndNis2GivesWay(String type) {
        ObligationResult result = at(record("Europe/Berlin", type + ", nis2-essential", "kind: incident, major: true, significant: true",
                "awareAt: 2026-11-20T10:00:00+01:00, classifiedMajorAt: 2026-11-20T12:00:00+01:00"), "2026-11-20T12:00:00Z");
        assertThat(applies(result, "eu-dora")).as(type).isTrue();
        assertThat(applies(result, "eu-nis2")).as(type).isFalse();
        assertThat(result.frameworks()).filteredOn(a -> a.framework().id().equals("eu-nis2")).singleElement()
                .satisfies(a -> assertThat(a.rules()).filteredOn(r -> r.id().equals("not-dora")).singleElement()
                        .satisfies(r -> assertThat(r.met()).isFalse()));
        // DORA Art 19(4)(a), RTS 2025/301 Art 5(2): 4 hours after classification.
        assertThat(find(result, "eu-dora", "initial-notification").due()).isEqualTo(Evaluate.instant("2026-11-20T16:00:00+01:00"));
        assertThat(result.roles()).extracting(RoleStanding::id).contains(type, "dora-financial-entity");
        assertThat(result.roles()).filteredOn(r -> r.id().equals("dora-financial-entity")).singleElement()
                .satisfies(r -> {
                    assertThat(r.declared()).isFalse();
                    assertThat(r.impliedByIds()).containsExactly(type);
                });
    }

    /**
     * NIS2 Art 3(1): essential entities include "(b) qualified trust service providers ... regardless of
     * their size" and "(f) entities identified as critical entities under Directive (EU) 2022/2557". A
     * qualified trust service provider or a CER critical entity with a significant incident owes NIS2
     * reporting without declaring nis2-essential.
     */
    @ParameterizedTest
    @ValueSource(strings = {"eidas-qualified-trust-service-provider", "cer-critical-entity"})
    void qualifiedTrustServiceProvidersAndCriticalEntitiesAreNis2EssentialEntities(String role) {
        ObligationResult result = at(record("Europe/Berlin", role, "kind: incident, significant: true",
                "awareAt: 2026-11-20T10:00:00+01:00"), "2026-11-20T12:00:00Z");
        assertThat(applies(result, "eu-nis2")).isTrue();
        assertThat(result.roles()).filteredOn(r -> r.id().equals("nis2-essential")).singleElement()
                .satisfies(r -> assertThat(r.impliedByIds()).containsExactly(role));
    }

    /** A role declared and also implied is reported once, declared, with the role that implies it. */
    @Test
    void aRoleDeclaredAndImpliedIsListedOnce() {
        ObligationResult result = at(record("Europe/Berlin", "dora-ccp, dora-financial-entity, dora-ccp", "kind: incident", ""),
                "2026-11-20T12:00:00Z");
        assertThat(result.roles()).extracting(RoleStanding::id).containsExactly("dora-ccp", "dora-financial-entity");
        assertThat(result.roles().get(1).declared()).isTrue();
        assertThat(result.roles().get(1).impliedByIds()).containsExactly("dora-ccp");
    }

    @Test
    void aCycleOrAnUnknownParentIsACatalogDefect(@TempDir Path dir) throws IOException {
        copyCatalog(dir);
        Path roles = dir.resolve("reporting/roles.yaml");
        String text = Files.readString(roles);
        Files.writeString(roles, text.replace("{ id: dora-financial-entity, text:", "{ id: dora-financial-entity, implies: [dora-ccp], text:"));
        assertThatThrownBy(() -> CatalogLoader.load(CatalogSource.directory(dir))).isInstanceOf(InputException.class)
                .hasMessageContaining("cycle").hasMessageContaining("dora-ccp");
        Files.writeString(roles, text.replace("{ id: dora-financial-entity, text:", "{ id: dora-financial-entity, implies: [bank], text:"));
        assertThatThrownBy(() -> CatalogLoader.load(CatalogSource.directory(dir))).isInstanceOf(InputException.class)
                .hasMessageContaining("implies unknown role bank");
    }

    static void copyCatalog(Path to) throws IOException {
        Path from = Path.of("../catalog");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
