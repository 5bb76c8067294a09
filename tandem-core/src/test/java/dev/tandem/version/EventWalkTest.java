package dev.tandem.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compiled event walk stops at the first event above the version (issue 20): its verdicts and
 * the interval it reports must be those of the OSV specification's full walk over the sorted
 * events, here written out plainly, for random ranges with repeated, equal and unsorted events.
 */
class EventWalkTest {

    private static final VersionScheme NPM = VersionSchemes.forEcosystem("npm").orElseThrow();
    private static final RangeEvent.Kind[] KINDS = {RangeEvent.Kind.INTRODUCED, RangeEvent.Kind.FIXED,
            RangeEvent.Kind.LAST_AFFECTED};

    @Test
    void stoppingEarlyGivesTheFullWalksVerdictAndInterval() {
        Random random = new Random(20);
        int affected = 0;
        for (int round = 0; round < 20_000; round++) {
            List<RangeEvent> events = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                RangeEvent.Kind kind = KINDS[random.nextInt(KINDS.length)];
                String version = kind == RangeEvent.Kind.INTRODUCED && random.nextInt(5) == 0 ? "0" : version(random);
                events.add(new RangeEvent(kind, version));
            }
            AffectedVersions versions = new AffectedVersions(List.of(new VersionRange(RangeType.ECOSYSTEM, "", events)),
                    List.of());
            CompiledAffectedVersions compiled = RangeEvaluator.compile(versions, NPM);
            for (int probe = 0; probe < 4; probe++) {
                String text = probe == 0 ? events.get(random.nextInt(count)).version() : version(random);
                if (text.equals("0")) {
                    text = "0.0.0";
                }
                String expected = fullWalk(events, text);
                RangeVerdict verdict = compiled.evaluate(text);
                if (expected == null) {
                    assertThat(verdict).as("%s in %s", text, events).isInstanceOf(RangeVerdict.NotAffected.class);
                } else {
                    affected++;
                    assertThat(verdict).as("%s in %s", text, events).isInstanceOf(RangeVerdict.Affected.class);
                    assertThat(((RangeVerdict.Affected) verdict).matchedBy()).as("%s in %s", text, events)
                            .startsWith("ECOSYSTEM range [" + expected + ", ");
                }
            }
        }
        assertThat(affected).isGreaterThan(10_000);
    }

    private static Version parse(String text) {
        try {
            return NPM.parse(text);
        } catch (InvalidVersionException e) {
            throw new AssertionError(e);
        }
    }

    private static String version(Random random) {
        return random.nextInt(3) + "." + random.nextInt(3) + "." + random.nextInt(3);
    }

    /** The specification's walk: every event, in sorted (stable) order; the introduced event that opened it, or null. */
    private static String fullWalk(List<RangeEvent> events, String text) {
        Version v = parse(text);
        List<RangeEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing((RangeEvent e) -> e.version().equals("0") && e.kind() == RangeEvent.Kind.INTRODUCED
                ? null : parse(e.version()), Comparator.nullsFirst(Comparator.naturalOrder())));
        String openedBy = null;
        for (RangeEvent e : sorted) {
            boolean zero = e.kind() == RangeEvent.Kind.INTRODUCED && e.version().equals("0");
            int c = zero ? 1 : v.compareTo(parse(e.version()));
            switch (e.kind()) {
                case INTRODUCED -> openedBy = c >= 0 ? e.version() : openedBy;
                case FIXED -> openedBy = c >= 0 ? null : openedBy;
                case LAST_AFFECTED -> openedBy = c > 0 ? null : openedBy;
                default -> {
                }
            }
        }
        return openedBy;
    }
}
