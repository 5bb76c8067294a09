package dev.tandem.server.portfolio;

import dev.tandem.server.auth.Accounts;
import dev.tandem.server.auth.Authenticator;
import dev.tandem.server.store.Database;
import java.time.Clock;

/** Everything the API and the pages call, built once over one database and one clock. */
public record Services(Database database, Clock clock, Authenticator authenticator, Accounts accounts,
        Portfolio portfolio, SbomIntake intake, FindingTriage triage, SnapshotSwap snapshots, DocumentShelf documents,
        CurrentAdvisories advisories, AuditTrail audit, ReleaseReports reports,
        ProductVex vex, ReleasePublications publications, AdvisoryFreshness freshness) {

    /** Services whose snapshot counts as stale after the default limits. */
    public static Services of(Database database, Clock clock) {
        return of(database, clock, AdvisoryFreshness.Limits.DEFAULT);
    }

    public static Services of(Database database, Clock clock, AdvisoryFreshness.Limits stale) {
        CurrentAdvisories advisories = new CurrentAdvisories();
        dev.tandem.server.auth.KeyCache keys = new dev.tandem.server.auth.KeyCache();
        Authenticator authenticator = new Authenticator(database, clock, dev.tandem.server.auth.LoginThrottle.DEFAULT,
                keys);
        return new Services(database, clock, authenticator, new Accounts(database, clock, keys, authenticator),
                new Portfolio(database, clock), new SbomIntake(database, clock, advisories),
                new FindingTriage(database, clock, advisories), new SnapshotSwap(database, clock, advisories),
                new DocumentShelf(database, clock), advisories, new AuditTrail(database),
                new ReleaseReports(database, clock, advisories), new ProductVex(database, clock, advisories),
                new ReleasePublications(database, clock, advisories),
                new AdvisoryFreshness(database, clock, advisories, stale));
    }

    /** The examples loader over these services. */
    public Examples examples() {
        return new Examples(database, clock, portfolio, intake, snapshots, documents);
    }
}
