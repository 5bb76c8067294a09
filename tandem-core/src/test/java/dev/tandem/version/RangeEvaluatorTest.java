package dev.tandem.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.version.RangeEvent.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RangeEvaluatorTest {

    private static final VersionScheme PYPI = VersionSchemes.forEcosystem("PyPI").orElseThrow();
    private static final VersionScheme NPM = VersionSchemes.forEcosystem("npm").orElseThrow();
    private static final VersionScheme MAVEN = VersionSchemes.forEcosystem("Maven").orElseThrow();
    private static final VersionScheme GO = VersionSchemes.forEcosystem("Go").orElseThrow();

    /** Builds a range from alternating kind/version pairs, e.g. range(ECOSYSTEM, "introduced", "0", "fixed", "1.0"). */
    static VersionRange range(RangeType type, String... kindsAndVersions) {
        List<RangeEvent> events = new ArrayList<>();
        for (int i = 0; i < kindsAndVersions.length; i += 2) {
            Kind kind = switch (kindsAndVersions[i]) {
                case "introduced" -> Kind.INTRODUCED;
                case "fixed" -> Kind.FIXED;
                case "last_affected" -> Kind.LAST_AFFECTED;
                case "limit" -> Kind.LIMIT;
                default -> throw new IllegalArgumentException(kindsAndVersions[i]);
            };
            events.add(new RangeEvent(kind, kindsAndVersions[i + 1]));
        }
        return new VersionRange(type, type == RangeType.GIT ? "https://github.com/example/repo" : null, events);
    }

    static AffectedVersions affected(List<VersionRange> ranges, String... versions) {
        return new AffectedVersions(ranges, List.of(versions));
    }

    @Nested
    class RealAdvisories {

        // PYSEC-2019-16 (django): one ECOSYSTEM range with two introduced/fixed pairs; DT #6988 flagged 6.0.4.
        private final AffectedVersions pysec201916 = affected(List.of(
                range(RangeType.ECOSYSTEM, "introduced", "0", "fixed", "1.11.27", "introduced", "2.2", "fixed", "2.2.9")));

        @Test
        void pysec201916DoesNotAffectDjango604() {
            assertThat(RangeEvaluator.evaluate(pysec201916, PYPI, "6.0.4")).isEqualTo(new RangeVerdict.NotAffected());
        }

        @Test
        void pysec201916AffectsBothBranchesAndNotTheGapBetweenThem() {
            assertThat(RangeEvaluator.evaluate(pysec201916, PYPI, "1.11.26"))
                    .isEqualTo(new RangeVerdict.Affected("ECOSYSTEM range [0, 1.11.27)", List.of("1.11.27", "2.2.9")));
            assertThat(RangeEvaluator.evaluate(pysec201916, PYPI, "2.2.8"))
                    .isEqualTo(new RangeVerdict.Affected("ECOSYSTEM range [2.2, 2.2.9)", List.of("1.11.27", "2.2.9")));
            assertThat(RangeEvaluator.evaluate(pysec201916, PYPI, "2.0")).isEqualTo(new RangeVerdict.NotAffected());
            assertThat(RangeEvaluator.evaluate(pysec201916, PYPI, "1.11.27")).isEqualTo(new RangeVerdict.NotAffected());
            assertThat(RangeEvaluator.evaluate(pysec201916, PYPI, "2.2.9")).isEqualTo(new RangeVerdict.NotAffected());
            assertThat(RangeEvaluator.evaluate(pysec201916, PYPI, "2.2rc1")).isEqualTo(new RangeVerdict.NotAffected());
            assertThat(RangeEvaluator.evaluate(pysec201916, PYPI, "2.2")).isInstanceOf(RangeVerdict.Affected.class);
        }

        @Test
        void pysec201916EventsInAnyDocumentOrderGiveTheSameAnswers() {
            AffectedVersions shuffled = affected(List.of(
                    range(RangeType.ECOSYSTEM, "fixed", "2.2.9", "introduced", "2.2", "fixed", "1.11.27", "introduced", "0")));
            for (String v : List.of("0.9", "1.11.26", "1.11.27", "2.1", "2.2", "2.2.8", "2.2.9", "6.0.4")) {
                assertThat(RangeEvaluator.evaluate(shuffled, PYPI, v).getClass())
                        .as(v).isEqualTo(RangeEvaluator.evaluate(pysec201916, PYPI, v).getClass());
            }
        }

        // MAL-2022-1471: SEMVER, introduced 0 and nothing else: every version is affected (DT #5716).
        @Test
        void mal20221471AffectsEveryVersion() {
            AffectedVersions mal = affected(List.of(range(RangeType.SEMVER, "introduced", "0")));
            for (String v : List.of("0.0.1", "1.0.0", "99.1.2-beta.1", "4.5.6")) {
                assertThat(RangeEvaluator.evaluate(mal, NPM, v))
                        .isEqualTo(new RangeVerdict.Affected("SEMVER range [0, *)", List.of()));
            }
        }
    }

    @Test
    void explicitZeroZeroZeroIsABoundNotTheMinimum() {
        AffectedVersions a = affected(List.of(range(RangeType.SEMVER, "introduced", "0.0.0", "fixed", "0.0.4")));
        assertThat(RangeEvaluator.evaluate(a, NPM, "0.5.2")).isEqualTo(new RangeVerdict.NotAffected());
        assertThat(RangeEvaluator.evaluate(a, NPM, "0.0.3")).isInstanceOf(RangeVerdict.Affected.class);
        assertThat(RangeEvaluator.evaluate(a, NPM, "0.0.0")).isInstanceOf(RangeVerdict.Affected.class);
        // a prerelease of 0.0.0 sorts before 0.0.0 and is outside [0.0.0, 0.0.4)
        assertThat(RangeEvaluator.evaluate(a, NPM, "0.0.0-alpha")).isEqualTo(new RangeVerdict.NotAffected());
    }

    @Test
    void lastAffectedIsInclusive() {
        AffectedVersions a = affected(List.of(range(RangeType.ECOSYSTEM, "introduced", "1.0", "last_affected", "2.1.214")));
        assertThat(RangeEvaluator.evaluate(a, MAVEN, "2.1.214"))
                .isEqualTo(new RangeVerdict.Affected("ECOSYSTEM range [1.0, 2.1.214]", List.of()));
        assertThat(RangeEvaluator.evaluate(a, MAVEN, "2.1.215")).isEqualTo(new RangeVerdict.NotAffected());
        assertThat(RangeEvaluator.evaluate(a, MAVEN, "0.9")).isEqualTo(new RangeVerdict.NotAffected());
    }

    @Test
    void limitExcludesVersionsAtOrAboveEveryLimit() {
        AffectedVersions a = affected(List.of(range(RangeType.ECOSYSTEM, "introduced", "1.0", "limit", "1.5", "limit", "3.0")));
        assertThat(RangeEvaluator.evaluate(a, MAVEN, "1.4"))
                .isEqualTo(new RangeVerdict.Affected("ECOSYSTEM range [1.0, *) below limit 1.5 or 3.0", List.of()));
        assertThat(RangeEvaluator.evaluate(a, MAVEN, "2.0")).isInstanceOf(RangeVerdict.Affected.class);
        assertThat(RangeEvaluator.evaluate(a, MAVEN, "3.0")).isEqualTo(new RangeVerdict.NotAffected());
        AffectedVersions star = affected(List.of(range(RangeType.ECOSYSTEM, "introduced", "1.0", "limit", "*")));
        assertThat(RangeEvaluator.evaluate(star, MAVEN, "999")).isInstanceOf(RangeVerdict.Affected.class);
    }

    @Test
    void nugetPrereleaseBoundsDoNotCatchTheRelease() {
        VersionScheme nuget = VersionSchemes.forEcosystem("NuGet").orElseThrow();
        AffectedVersions a = affected(List.of(range(RangeType.ECOSYSTEM, "introduced", "0", "fixed", "6.0.0-preview.4")));
        assertThat(RangeEvaluator.evaluate(a, nuget, "6.0.0")).isEqualTo(new RangeVerdict.NotAffected());
        assertThat(RangeEvaluator.evaluate(a, nuget, "6.0.0-PREVIEW.5")).isEqualTo(new RangeVerdict.NotAffected());
        assertThat(RangeEvaluator.evaluate(a, nuget, "6.0.0-preview.3")).isInstanceOf(RangeVerdict.Affected.class);
        assertThat(RangeEvaluator.evaluate(a, nuget, "5.0.17")).isInstanceOf(RangeVerdict.Affected.class);
    }

    @Nested
    class VersionsList {

        @Test
        void exactTextMatches() {
            AffectedVersions a = affected(List.of(), "1.0", "1.1");
            assertThat(RangeEvaluator.evaluate(a, PYPI, "1.1")).isEqualTo(new RangeVerdict.Affected("versions list", List.of()));
            assertThat(RangeEvaluator.evaluate(a, PYPI, "1.2")).isEqualTo(new RangeVerdict.NotAffected());
        }

        @Test
        void equalByTheSchemeMatches() {
            AffectedVersions a = affected(List.of(), "1.0");
            assertThat(RangeEvaluator.evaluate(a, PYPI, "1.0.0"))
                    .isEqualTo(new RangeVerdict.Affected("versions list (\"1.0\" by PyPI ordering)", List.of()));
        }

        @Test
        void anUnparseableVersionStillMatchesByText() {
            AffectedVersions a = affected(List.of(range(RangeType.ECOSYSTEM, "introduced", "0", "fixed", "2.0.0")), "not a version!");
            assertThat(RangeEvaluator.evaluate(a, NPM, "not a version!"))
                    .isEqualTo(new RangeVerdict.Affected("versions list", List.of()));
        }
    }

    @Nested
    class GitRanges {

        @Test
        void aGitRangeBesideAnEcosystemRangeDoesNotStopEvaluation() {
            AffectedVersions a = affected(List.of(
                    range(RangeType.GIT, "introduced", "0", "fixed", "4f0d1b2c"),
                    range(RangeType.ECOSYSTEM, "introduced", "0", "fixed", "1.5")));
            assertThat(RangeEvaluator.evaluate(a, PYPI, "1.4")).isInstanceOf(RangeVerdict.Affected.class);
            assertThat(RangeEvaluator.evaluate(a, PYPI, "1.5")).isEqualTo(new RangeVerdict.NotAffected());
        }

        @Test
        void onlyGitRangesAreNotEvaluated() {
            AffectedVersions a = affected(List.of(range(RangeType.GIT, "introduced", "0", "fixed", "4f0d1b2c")));
            assertThat(RangeEvaluator.evaluate(a, PYPI, "1.4")).isInstanceOf(RangeVerdict.NotEvaluated.class);
        }

        @Test
        void gitRangesWithAVersionsListAreDecidedByTheList() {
            AffectedVersions a = affected(List.of(range(RangeType.GIT, "introduced", "0", "fixed", "4f0d1b2c")), "1.3");
            assertThat(RangeEvaluator.evaluate(a, PYPI, "1.4")).isEqualTo(new RangeVerdict.NotAffected());
            assertThat(RangeEvaluator.evaluate(a, PYPI, "1.3")).isInstanceOf(RangeVerdict.Affected.class);
        }
    }

    @Nested
    class NeverASilentFalseNegative {

        @Test
        void anUnparseableVersionIsNotEvaluatedAndQuoted() {
            AffectedVersions a = affected(List.of(range(RangeType.ECOSYSTEM, "introduced", "0", "fixed", "2.0.0")));
            RangeVerdict v = RangeEvaluator.evaluate(a, NPM, "1.x-banana");
            assertThat(v).isInstanceOf(RangeVerdict.NotEvaluated.class);
            assertThat(((RangeVerdict.NotEvaluated) v).reason()).contains("\"1.x-banana\"");
        }

        @Test
        void anUnparseableBoundIsNotEvaluated() {
            AffectedVersions a = affected(List.of(range(RangeType.ECOSYSTEM, "introduced", "0", "fixed", "two")));
            RangeVerdict v = RangeEvaluator.evaluate(a, NPM, "1.0.0");
            assertThat(v).isInstanceOf(RangeVerdict.NotEvaluated.class);
            assertThat(((RangeVerdict.NotEvaluated) v).reason()).contains("fixed").contains("\"two\"");
        }

        @Test
        void anEcosystemWithoutOrderingIsNotEvaluated() {
            AffectedVersions a = affected(List.of(range(RangeType.ECOSYSTEM, "introduced", "0", "fixed", "2.0")));
            assertThat(RangeEvaluator.evaluate(a, null, "1.0")).isInstanceOf(RangeVerdict.NotEvaluated.class);
        }

        @Test
        void aBlankVersionIsNotEvaluated() {
            AffectedVersions a = affected(List.of(range(RangeType.ECOSYSTEM, "introduced", "0")));
            assertThat(RangeEvaluator.evaluate(a, NPM, " ")).isInstanceOf(RangeVerdict.NotEvaluated.class);
        }

        @Test
        void anEntryWithNothingIsNotEvaluated() {
            assertThat(RangeEvaluator.evaluate(affected(List.of()), NPM, "1.0.0")).isInstanceOf(RangeVerdict.NotEvaluated.class);
        }
    }

    @Nested
    class GoSemverRanges {

        private final AffectedVersions a = affected(List.of(range(RangeType.SEMVER, "introduced", "1.2.0", "fixed", "1.4.3")));

        @Test
        void aLeadingVIsIgnoredOnBothSides() {
            assertThat(RangeEvaluator.evaluate(a, GO, "v1.3.0")).isInstanceOf(RangeVerdict.Affected.class);
            assertThat(RangeEvaluator.evaluate(a, GO, "1.3.0")).isInstanceOf(RangeVerdict.Affected.class);
            assertThat(RangeEvaluator.evaluate(a, GO, "v1.4.3")).isEqualTo(new RangeVerdict.NotAffected());
        }

        @Test
        void pseudoVersionsOrderAsPrereleases() {
            assertThat(RangeEvaluator.evaluate(a, GO, "v1.4.3-0.20230101120000-abcdef123456")).isInstanceOf(RangeVerdict.Affected.class);
            assertThat(RangeEvaluator.evaluate(a, GO, "v1.4.4-0.20230101120000-abcdef123456")).isEqualTo(new RangeVerdict.NotAffected());
        }

        @Test
        void incompatibleBuildSuffixIsIgnored() {
            AffectedVersions b = affected(List.of(range(RangeType.SEMVER, "introduced", "2.0.0", "fixed", "2.1.0")));
            assertThat(RangeEvaluator.evaluate(b, GO, "v2.0.5+incompatible")).isInstanceOf(RangeVerdict.Affected.class);
        }
    }

    @Test
    void compiledFormAgreesWithTheStaticOneOnParsedVersions() throws Exception {
        AffectedVersions a = affected(List.of(range(RangeType.ECOSYSTEM, "introduced", "1.0", "fixed", "1.2.3")));
        CompiledAffectedVersions compiled = RangeEvaluator.compile(a, MAVEN);
        for (String v : List.of("0.9", "1.0", "1.1-SNAPSHOT", "1.2.3-rc1", "1.2.3", "2")) {
            assertThat(compiled.evaluate(MAVEN.parse(v))).as(v).isEqualTo(RangeEvaluator.evaluate(a, MAVEN, v));
        }
        assertThat(compiled.evaluate("1.2.3-rc1")).isInstanceOf(RangeVerdict.Affected.class);
    }

    @Test
    void severalMatchedRangesUnionTheirFixedVersions() {
        AffectedVersions a = affected(List.of(
                range(RangeType.ECOSYSTEM, "introduced", "0", "fixed", "2.0.1"),
                range(RangeType.ECOSYSTEM, "introduced", "1.0", "fixed", "1.9.7")));
        RangeVerdict v = RangeEvaluator.evaluate(a, MAVEN, "1.5");
        assertThat(v).isEqualTo(new RangeVerdict.Affected(
                "ECOSYSTEM range [0, 2.0.1); ECOSYSTEM range [1.0, 1.9.7)", List.of("1.9.7", "2.0.1")));
    }

    @Test
    void eventsAtTheSameVersionKeepDocumentOrder() {
        // fixed 2.0 then introduced 2.0: affected again from 2.0 (a re-introduction)
        AffectedVersions reintroduced = affected(List.of(range(RangeType.ECOSYSTEM,
                "introduced", "1.0", "fixed", "2.0", "introduced", "2.0", "fixed", "3.0")));
        assertThat(RangeEvaluator.evaluate(reintroduced, MAVEN, "2.0"))
                .isEqualTo(new RangeVerdict.Affected("ECOSYSTEM range [2.0, 3.0)", List.of("2.0", "3.0")));
        // introduced 2.0 then fixed 2.0: an empty interval
        AffectedVersions empty = affected(List.of(range(RangeType.ECOSYSTEM, "introduced", "2.0", "fixed", "2.0")));
        assertThat(RangeEvaluator.evaluate(empty, MAVEN, "2.0")).isEqualTo(new RangeVerdict.NotAffected());
    }

    @Test
    void compiledSemverRangesReuseAnNpmParse() throws Exception {
        AffectedVersions a = affected(List.of(range(RangeType.SEMVER, "introduced", "1.0.0", "fixed", "1.0.5")));
        CompiledAffectedVersions compiled = RangeEvaluator.compile(a, NPM);
        assertThat(compiled.evaluate(NPM.parse("1.0.4"))).isInstanceOf(RangeVerdict.Affected.class);
        assertThat(compiled.evaluate(NPM.parse("1.0.5-rc.1"))).isInstanceOf(RangeVerdict.Affected.class);
        assertThat(compiled.evaluate(NPM.parse("1.0.5"))).isEqualTo(new RangeVerdict.NotAffected());
        assertThat(compiled.ecosystemScheme()).isSameAs(NPM);
    }

    @Test
    void aSemverRangeOnAnEcosystemWithoutSemverVersionsQuotesTheVersion() {
        AffectedVersions a = affected(List.of(range(RangeType.SEMVER, "introduced", "0", "fixed", "2.0.0")));
        RangeVerdict v = RangeEvaluator.evaluate(a, PYPI, "1.0.post1");
        assertThat(v).isInstanceOf(RangeVerdict.NotEvaluated.class);
        assertThat(((RangeVerdict.NotEvaluated) v).reason()).contains("SEMVER version \"1.0.post1\"");
        assertThat(RangeEvaluator.evaluate(a, PYPI, "1.5")).isInstanceOf(RangeVerdict.Affected.class);
    }

    @Test
    void anUnparseableVersionIsReportedEvenWhenAnotherRangeSaysNotAffected() {
        AffectedVersions a = affected(List.of(
                range(RangeType.SEMVER, "introduced", "0", "fixed", "2.0.0"),
                range(RangeType.ECOSYSTEM, "introduced", "5.0", "fixed", "6.0")));
        assertThat(RangeEvaluator.evaluate(a, PYPI, "1.0.post1")).isInstanceOf(RangeVerdict.NotEvaluated.class);
        assertThat(RangeEvaluator.evaluate(a, PYPI, "5.1.post1")).isInstanceOf(RangeVerdict.Affected.class);
    }
}
