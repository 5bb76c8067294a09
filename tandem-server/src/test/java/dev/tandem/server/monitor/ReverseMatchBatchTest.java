package dev.tandem.server.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TestClock;
import dev.tandem.server.TestServer;
import dev.tandem.server.store.Database;
import dev.tandem.server.store.FindingChanges;
import dev.tandem.server.store.MonitorSettings;
import dev.tandem.server.store.Organisations;
import dev.tandem.server.store.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

/**
 * {@link ReverseMatch#recordAll} records many releases in a fixed number of statements; what it
 * stores must be what {@link ReverseMatch#record} one release after the other stores: the changes,
 * the cases (opened once per product and vulnerability, later releases added, a case already open
 * gaining the new ones), their {@code case.opened} events and deliveries. Both run on the same
 * database in transactions rolled back, and every row they wrote is compared: on a server whose clock
 * stands still and whose scheduler is stopped, so that only the work compared writes.
 */
class ReverseMatchBatchTest {

    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void recordingManyReleasesAtOnceStoresWhatRecordingThemOneByOneStores() throws Exception {
        // The server's time stands at AT and its scheduler is stopped before the comparison: nothing but the
        // two transactions writes events (an overdue stage of the examples' incidents) or deliveries meanwhile.
        try (TestServer server = TestServer.start("reverse-match-batch", true, TestClock.stoppedAt(AT))) {
            Database database = server.server().services().database();
            // A second release of a product: one case for both.
            server.addSbom("sc200-camera", "2.5.0", "sboms/proton-bridge-v1.8.0.cdx.json");
            server.quiet();
            Tenant tenant = database.read(h -> new Organisations(h).find("default")).orElseThrow();
            database.transaction(h -> {
                MonitorSettings store = new MonitorSettings(h);
                MonitorSettings.Settings s = store.get(tenant);
                store.put(tenant, new MonitorSettings.Settings(s.entityName(), s.timeZone(), s.euMainEstablishment(),
                        s.roles(), "https://hooks.example.org/tandem", "secret", "psirt@example.org",
                        MonitorSettings.NOTIFIED, MonitorSettings.NOTIFIED, null, null), "test", AT);
                return null;
            });
            List<long[]> releases = database.read(h -> h.createQuery("select r.product_id, r.id from releases r"
                    + " where r.org_id = :org order by r.id").bind("org", tenant.id())
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
            assertThat(releases).hasSizeGreaterThanOrEqualTo(2);
            // Every release of the first product gets the same two new known-exploited findings (one case each,
            // however many releases), the others one each; a case of the first product is open already with
            // another release, so it gains these.
            long firstProduct = database.read(h -> h.createQuery("select product_id from releases group by product_id"
                    + " order by count(*) desc, product_id limit 1").mapTo(Long.class).one());
            List<ReverseMatch.Diff> diffs = new ArrayList<>();
            for (long[] release : releases) {
                List<FindingChanges.State> after = new ArrayList<>();
                after.add(new FindingChanges.State("f-kev-1", "CVE-2099-0001", true, false, null));
                if (release[0] == firstProduct) {
                    after.add(new FindingChanges.State("f-kev-2", "CVE-2099-0002", true, false, null));
                    after.add(new FindingChanges.State("f-suppressed", "CVE-2099-0003", true, true, null));
                }
                after.add(new FindingChanges.State("f-epss", "CVE-2099-0004", false, false, "{\"score\":0.5}"));
                List<FindingChanges.State> before = List.of(
                        new FindingChanges.State("f-epss", "CVE-2099-0004", false, false, "{\"score\":0.4}"),
                        new FindingChanges.State("f-gone", "CVE-2099-0005", false, false, null));
                diffs.add(new ReverseMatch.Diff(new ReverseMatch.Scanned(tenant, release[0], "p" + release[0],
                        "product " + release[0], release[1], "v" + release[1]), before, after));
            }
            Cause cause = new Cause("feed.refresh", List.of("kev/cisa", "epss"), "test");

            List<String> batched = rolledBack(database, h -> {
                openCaseBefore(h, tenant, firstProduct);
                ReverseMatch.recordAll(h, diffs, cause, AT);
            });
            List<String> oneByOne = rolledBack(database, h -> {
                openCaseBefore(h, tenant, firstProduct);
                for (ReverseMatch.Diff diff : diffs) {
                    ReverseMatch.record(h, diff.release(), diff.before(), diff.after(), cause, AT);
                }
            });
            assertThat(batched).isEqualTo(oneByOne);
            assertThat(batched).anyMatch(row -> row.startsWith("case|") && row.contains("CVE-2099-0002")
                    && row.matches(".*\\{v\\d+,v\\d+\\}.*"));
            assertThat(batched).noneMatch(row -> row.startsWith("case|") && row.contains("CVE-2099-0003"));
            assertThat(batched).filteredOn(row -> row.startsWith("delivery|")).isNotEmpty();
        }
    }

    private static void openCaseBefore(Handle h, Tenant tenant, long product) {
        new dev.tandem.server.store.Cases(h).openIfAbsent(tenant, product, "CVE-2099-0001", List.of("0.9-old"), "test",
                "opened earlier", "", AT.minusSeconds(3600));
    }

    private interface Work {
        void run(Handle h) throws Exception;
    }

    /**
     * Runs {@code work} in a transaction, reads every row it wrote, and rolls it back. Ids are replaced by
     * their rank (a rolled-back transaction does not give its sequence numbers back, and a conflicting
     * insert uses one up).
     */
    private static List<String> rolledBack(Database database, Work work) throws Exception {
        return database.read(h -> {
            h.begin();
            try {
                long events = h.createQuery("select coalesce(max(id), 0) from events").mapTo(Long.class).one();
                long cases = h.createQuery("select coalesce(max(id), 0) from vulnerability_cases").mapTo(Long.class).one();
                long changes = h.createQuery("select coalesce(max(id), 0) from finding_changes").mapTo(Long.class).one();
                work.run(h);
                List<String> rows = new ArrayList<>(h.createQuery("select concat_ws('|', 'change', org_id, product_id,"
                        + " release_id, finding_id, vulnerability_id, change, cause, cause_feeds::text, entry, at)"
                        + " from finding_changes where id > :id order by id").bind("id", changes).mapTo(String.class).list());
                java.util.Map<String, String> ranks = new java.util.LinkedHashMap<>();
                List<Object[]> caseRows = h.createQuery("select id, concat_ws('|', org_id, product_id, vulnerability_id,"
                        + " opened_at, opened_by, reason, evidence, proposed_aware_at, releases::text, status)"
                        + " from vulnerability_cases where id > :id order by id").bind("id", cases)
                        .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
                for (Object[] row : caseRows) {
                    ranks.put(String.valueOf(row[0]), "#" + ranks.size());
                    rows.add("case|" + ranks.get(String.valueOf(row[0])) + "|" + row[1]);
                }
                List<Object[]> eventRows = h.createQuery("select id, concat_ws('|', org_id, at, type, subject, payload,"
                        + " dedupe_key) from events where id > :id order by id").bind("id", events)
                        .map((rs, ctx) -> new Object[] {rs.getLong(1), rs.getString(2)}).list();
                java.util.Map<Long, Integer> eventRanks = new java.util.HashMap<>();
                for (Object[] row : eventRows) {
                    eventRanks.put((Long) row[0], eventRanks.size());
                    String text = (String) row[1];
                    for (var rank : ranks.entrySet()) {
                        text = text.replaceAll("case:" + rank.getKey() + "(?!\\d)", "case:" + rank.getValue())
                                .replaceAll("\"case\":" + rank.getKey() + "(?!\\d)", "\"case\":\"" + rank.getValue() + "\"");
                    }
                    rows.add("event|" + eventRanks.get((Long) row[0]) + "|" + text);
                }
                h.createQuery("select event_id, concat_ws('|', org_id, channel, target, status, attempts, next_attempt_at)"
                                + " from deliveries where event_id > :id order by event_id, channel").bind("id", events)
                        .map((rs, ctx) -> "delivery|" + eventRanks.get(rs.getLong(1)) + "|" + rs.getString(2))
                        .forEach(rows::add);
                return rows;
            } finally {
                h.rollback();
            }
        });
    }
}
