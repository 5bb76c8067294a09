-- Incidents notify like cases (docs/monitoring.md#notifications): incident.opened,
-- incident.stage.due-soon and incident.stage.overdue join the event types chosen per channel.
-- New settings get every type; settings kept before this migration get each incident type where
-- they chose the matching case type, so a channel the organisation had emptied stays empty.
alter table monitor_settings alter column webhook_events set default
    '{case.opened,case.stage.due-soon,case.stage.overdue,incident.opened,incident.stage.due-soon,incident.stage.overdue}';
alter table monitor_settings alter column email_events set default
    '{case.opened,case.stage.due-soon,case.stage.overdue,incident.opened,incident.stage.due-soon,incident.stage.overdue}';
update monitor_settings set
    webhook_events = webhook_events
        || array(select 'incident.' || substr(t, 6) from unnest(webhook_events) t where t like 'case.%'),
    email_events = email_events
        || array(select 'incident.' || substr(t, 6) from unnest(email_events) t where t like 'case.%');
