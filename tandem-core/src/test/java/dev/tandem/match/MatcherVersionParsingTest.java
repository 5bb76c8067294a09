package dev.tandem.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.advisory.Advisory;
import dev.tandem.advisory.AdvisoryDatabase;
import dev.tandem.advisory.AffectedPackage;
import dev.tandem.sbom.Component;
import dev.tandem.sbom.Sbom;
import dev.tandem.sbom.SbomFormat;
import dev.tandem.sbom.Subject;
import dev.tandem.version.AffectedVersions;
import dev.tandem.version.RangeEvaluator;
import dev.tandem.version.RangeEvent;
import dev.tandem.version.RangeType;
import dev.tandem.version.RangeVerdict;
import dev.tandem.version.VersionRange;
import dev.tandem.version.VersionSchemes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The matcher parses a component's version once per scheme for all of a package's entries; its
 * verdicts must be exactly the evaluator's, including the reason when a version cannot be parsed.
 */
class MatcherVersionParsingTest {

    private static final AffectedVersions RANGES = new AffectedVersions(List.of(new VersionRange(RangeType.ECOSYSTEM, "",
            List.of(new RangeEvent(RangeEvent.Kind.INTRODUCED, "1.0.0"), new RangeEvent(RangeEvent.Kind.FIXED, "1.4.2")))),
            List.of("0.9.9"));

    private static Advisory advisory(String id) {
        return new Advisory(id, id + ".json", "summary of " + id, "", Instant.EPOCH, Instant.EPOCH, null, List.of(),
                List.of(), List.of(), List.of(new AffectedPackage("npm", "some-package", "", RANGES, List.of())), List.of());
    }

    private static Component component(String version) {
        return new Component("c-" + version, "some-package", "", version, "pkg:npm/some-package@" + version, "", "",
                List.of(), List.of(), List.of(), null);
    }

    @Test
    void verdictsEqualTheEvaluatorsForParsableAndUnparsableVersions() {
        // Three advisories on one package: the parsed version is reused for the second and third.
        AdvisoryDatabase database = AdvisoryDatabase.build(List.of(advisory("GHSA-1"), advisory("GHSA-2"),
                advisory("GHSA-3")), List.of());
        List<String> versions = List.of("0.9.0", "0.9.9", "1.0.0", "1.2.0-beta.1", "1.4.2", "2.0.0", "not!a!version", "1.0");
        List<Component> components = new ArrayList<>();
        versions.forEach(v -> components.add(component(v)));
        SbomReport report = new Matcher(PackageIndex.build(database)).scan(
                new Sbom("test.json", SbomFormat.values()[0], "1.6", new Subject("p", "1", "", "", ""), components));
        for (String version : versions) {
            RangeVerdict expected = RangeEvaluator.evaluate(RANGES, VersionSchemes.forEcosystem("npm").orElseThrow(), version);
            String purl = "pkg:npm/some-package@" + version;
            List<Finding> findings = report.findings().stream().filter(f -> f.component().purl().equals(purl)).toList();
            List<UndecidedMatch> undecided = report.undecided().stream().filter(u -> u.component().purl().equals(purl)).toList();
            switch (expected) {
                case RangeVerdict.Affected affected -> {
                    assertThat(findings).as(version).hasSize(3);
                    assertThat(findings).allSatisfy(f -> assertThat(f.fixedIn()).isEqualTo(affected.fixedIn()));
                    assertThat(findings.get(0).matchRule()).endsWith(": " + affected.matchedBy());
                }
                case RangeVerdict.NotAffected notAffected -> {
                    assertThat(findings).as(version).isEmpty();
                    assertThat(undecided).as(version).isEmpty();
                }
                case RangeVerdict.NotEvaluated notEvaluated -> {
                    assertThat(findings).as(version).isEmpty();
                    assertThat(undecided).as(version).hasSize(3)
                            .allSatisfy(u -> assertThat(u.reason()).isEqualTo(notEvaluated.reason()));
                }
            }
        }
        assertThat(report.findings()).isNotEmpty();
        assertThat(report.undecided()).isNotEmpty();
    }
}
