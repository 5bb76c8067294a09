-- Per organisation and channel, the event types notified (docs/monitoring.md#notifications).
-- Every type by default, as before this migration; the test message always goes to every channel.
alter table monitor_settings add column webhook_events text[] not null
    default '{case.opened,case.stage.due-soon,case.stage.overdue}';
alter table monitor_settings add column email_events text[] not null
    default '{case.opened,case.stage.due-soon,case.stage.overdue}';
