package dev.tandem.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tandem.server.TestDatabase;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V10 adds the incident events to the notification choices: settings kept before it get
 * each incident event where they chose the matching case event (an emptied channel stays empty), and
 * settings saved after it default to every event.
 */
class NotificationChoicesMigrationTest {

    @Test
    void savedChoicesGainTheIncidentEventsTheirCaseEventsMatch() throws Exception {
        DatabaseSettings.External database = TestDatabase.fresh("v10-choices");
        Flyway flyway = Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").target("8").load();
        flyway.migrate();
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
                Statement s = c.createStatement()) {
            s.execute("insert into organisations (id, name, created_at) values (1, 'all', now()), (2, 'some', now()),"
                    + " (3, 'none', now()), (4, 'later', now())");
            s.execute("insert into monitor_settings (org_id) values (1)");
            s.execute("insert into monitor_settings (org_id, webhook_events, email_events) values"
                    + " (2, '{case.opened,case.stage.overdue}', '{case.stage.overdue}'), (3, '{}', '{}')");
            Flyway.configure().dataSource(database.url(), database.user(), database.password())
                    .locations("classpath:db/migration").load().migrate();
            s.execute("insert into monitor_settings (org_id) values (4)");

            Map<Long, List<List<String>>> choices = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery("select org_id, webhook_events, email_events from monitor_settings order by org_id")) {
                while (rs.next()) {
                    choices.put(rs.getLong(1), List.of(list(rs.getArray(2)), list(rs.getArray(3))));
                }
            }
            List<String> every = List.of("case.opened", "case.stage.due-soon", "case.stage.overdue", "incident.opened",
                    "incident.stage.due-soon", "incident.stage.overdue");
            assertThat(choices.get(1L)).as("the old default: every event").containsExactly(every, every);
            assertThat(choices.get(2L)).containsExactly(
                    List.of("case.opened", "case.stage.overdue", "incident.opened", "incident.stage.overdue"),
                    List.of("case.stage.overdue", "incident.stage.overdue"));
            assertThat(choices.get(3L)).as("an emptied channel stays empty").containsExactly(List.of(), List.of());
            assertThat(choices.get(4L)).as("the new default").containsExactly(every, every);
            assertThat(MonitorSettings.NOTIFIED).isEqualTo(every);
        }
    }

    private static List<String> list(Array array) throws java.sql.SQLException {
        return List.of((String[]) array.getArray());
    }
}
