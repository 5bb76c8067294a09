package dev.tandem.server.web;

import dev.tandem.audit.AuditEntry;
import dev.tandem.server.portfolio.Portfolio;
import dev.tandem.server.store.ApiKeys;
import dev.tandem.server.store.Documents;
import dev.tandem.server.store.TriageDecisions;
import dev.tandem.server.store.Users;
import java.util.List;

/** The models the templates draw: one record per page or partial, computed by the page handlers. */
public final class PageModels {

    private PageModels() {
    }

    public record LoginPage(Frame frame, String next, String error) {
    }

    /** The logged-in user's account page; {@code error} when the last password change was refused. */
    public record AccountPage(Frame frame, String error) {
    }

    /** A known-exploited, unsuppressed finding somewhere in the portfolio. */
    public record Exploited(String productId, String productName, String release, FindingRow finding) {
    }

    public record OverviewPage(Frame frame, List<Portfolio.ProductView> products, List<Exploited> exploited,
            boolean canEdit, String advisories, List<String> staleWarnings) {
    }

    /** A product with its releases and the VEX documents kept for it, with what each matches. */
    public record ProductPage(Frame frame, Portfolio.ProductView view, boolean canEdit, boolean hasProfile,
            List<dev.tandem.server.portfolio.ProductVex.DocumentView> vex) {
    }

    /** The findings table of a release, with its filters (a partial htmx swaps in place). */
    public record FindingsTable(String productId, String version, List<FindingRow> rows, long total, int offset,
            int limit, String severity, boolean hideSuppressed, boolean kevOnly) {
        public String query(int newOffset) {
            StringBuilder query = new StringBuilder("?offset=" + newOffset);
            if (!severity.isEmpty()) {
                query.append("&severity=").append(severity);
            }
            if (hideSuppressed) {
                query.append("&hideSuppressed=true");
            }
            if (kevOnly) {
                query.append("&kevOnly=true");
            }
            return query.toString();
        }
    }

    public record ReleasePage(Frame frame, Portfolio.ProductView view, Portfolio.ReleaseView release,
            FindingsTable table) {
    }

    /** A release with the finding, and whether it is suppressed there. */
    public record ReleaseMark(String version, boolean suppressed) {
    }

    /** The triage section of a finding page: the form, the current decision and the history (a partial). */
    public record TriageView(String findingId, String productId, String csrf, TriageDecisions.Decision current,
            List<TriageDecisions.Decision> history, boolean canEdit, String error, String message) {
    }

    public record FindingPage(Frame frame, String productId, String productName, FindingRow finding,
            List<ReleaseMark> releases, TriageView triage) {
    }

    public record AuditPage(Frame frame, List<AuditEntry> entries, long olderThan) {
    }

    public record SettingsPage(Frame frame, List<Users.StoredUser> users, List<ApiKeys.StoredKey> keys,
            String revealedLabel, String revealedSecret) {
    }

    public record IncidentsPage(Frame frame, List<Documents.StoredDocument> incidents) {
    }

    public record ErrorPage(Frame frame, int status, String message) {
    }
}
