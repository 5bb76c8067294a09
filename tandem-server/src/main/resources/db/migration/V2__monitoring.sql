-- Continuous monitoring (docs/monitoring.md): feed refreshes, what each scan changed and why,
-- vulnerability cases and their clocks, events and notifications, and db-scheduler's table.

-- db-scheduler's own table (its documented PostgreSQL schema): every instance claims executions
-- here, so a refresh or a delivery round runs on one instance at a time.
create table scheduled_tasks (
    task_name             text not null,
    task_instance         text not null,
    task_data             bytea,
    execution_time        timestamptz not null,
    picked                boolean not null,
    picked_by             text,
    last_success          timestamptz,
    last_failure          timestamptz,
    consecutive_failures  int,
    last_heartbeat        timestamptz,
    version               bigint not null,
    priority              smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Products are taken to be made available on the EU market unless marked otherwise: a missed
-- 24-hour clock costs more than a case closed as not applicable.
alter table products add column eu_market boolean not null default true;

-- Each feed refresh: when, on which instance, what it fetched, what it changed.
create table feed_refreshes (
    id            bigserial primary key,
    trigger       text not null,
    instance      text not null,
    started_at    timestamptz not null,
    finished_at   timestamptz,
    outcome       text not null check (outcome in ('running', 'changed', 'unchanged', 'failed')),
    feeds         jsonb not null default '[]',
    snapshot      text,
    error         text
);

-- What a scan changed in a release's findings, and why (the cause: a feed refresh naming the feeds
-- whose content changed, an upload, a triage decision, a snapshot replaced by hand).
create table finding_changes (
    id                bigserial primary key,
    org_id            bigint not null references organisations (id),
    product_id        bigint not null references products (id),
    release_id        bigint not null references releases (id),
    finding_id        text not null,
    vulnerability_id  text not null,
    change            text not null check (change in ('gained', 'lost', 'kev-added', 'kev-removed')),
    cause             text not null,
    cause_feeds       text[] not null,
    entry             text not null,
    at                timestamptz not null
);
create index finding_changes_org on finding_changes (org_id, id desc);

-- Per organisation: who it is for the obligations engine, and where notifications go.
create table monitor_settings (
    org_id               bigint primary key references organisations (id),
    entity_name          text not null default '',
    time_zone            text not null default 'UTC',
    eu_main_establishment text not null default '',
    roles                text[] not null default '{cra-manufacturer}',
    webhook_url          text not null default '',
    webhook_secret       text not null default '',
    email_to             text not null default '',
    updated_at           timestamptz,
    updated_by           text
);

-- One case per vulnerability and product, however many releases.
create table vulnerability_cases (
    id                    bigserial primary key,
    org_id                bigint not null references organisations (id),
    product_id            bigint not null references products (id),
    vulnerability_id      text not null,
    opened_at             timestamptz not null,
    opened_by             text not null,
    reason                text not null,
    evidence              text not null default '',
    proposed_aware_at     timestamptz not null,
    aware_at              timestamptz,
    aware_confirmed_by    text,
    aware_reason          text,
    corrective_measure_at timestamptz,
    status                text not null default 'open' check (status in ('open', 'closed')),
    releases              text[] not null,
    unique (org_id, product_id, vulnerability_id)
);

create table case_submissions (
    id          bigserial primary key,
    org_id      bigint not null references organisations (id),
    case_id     bigint not null references vulnerability_cases (id),
    framework   text not null,
    stage       text not null,
    at          timestamptz not null,
    recipient   text not null,
    draft_sha256 text not null,
    reference   text not null default '',
    recorded_by text not null,
    recorded_at timestamptz not null,
    unique (case_id, framework, stage)
);

-- Events (case opened, stage due soon, stage overdue, test); dedupe_key makes each happen once.
create table events (
    id          bigserial primary key,
    org_id      bigint not null references organisations (id),
    at          timestamptz not null,
    type        text not null,
    subject     text not null,
    payload     text not null,
    dedupe_key  text not null unique
);
create index events_org on events (org_id, id desc);

-- One delivery per event and channel, tried until it succeeds or runs out of attempts; each try logged.
create table deliveries (
    id              bigserial primary key,
    org_id          bigint not null references organisations (id),
    event_id        bigint not null references events (id),
    channel         text not null check (channel in ('webhook', 'email')),
    target          text not null,
    status          text not null check (status in ('pending', 'delivered', 'failed')),
    attempts        int not null default 0,
    next_attempt_at timestamptz not null,
    delivered_at    timestamptz,
    last_error      text not null default '',
    unique (event_id, channel)
);
create index deliveries_due on deliveries (status, next_attempt_at);
create table delivery_attempts (
    id           bigserial primary key,
    delivery_id  bigint not null references deliveries (id),
    org_id       bigint not null,
    at           timestamptz not null,
    ok           boolean not null,
    detail       text not null
);
