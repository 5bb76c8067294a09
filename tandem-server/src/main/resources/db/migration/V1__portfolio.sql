-- Tandem server schema, version 1 (docs/server.md). Every row of tenant data carries org_id, and
-- every query filters on it: another organisation's resource is not found, never forbidden.

create table organisations (
    id          bigserial primary key,
    name        text not null unique,
    created_at  timestamptz not null
);

create table users (
    id             bigserial primary key,
    org_id         bigint not null references organisations (id),
    username       text not null unique,
    password_hash  text not null,
    role           text not null check (role in ('admin', 'editor', 'viewer')),
    created_at     timestamptz not null,
    disabled       boolean not null default false
);
create index users_org on users (org_id);

-- An API key is tdm_<key_id>_<secret>: key_id finds the row, the secret is kept as its SHA-256
-- (the secret is 256 random bits, so a slow hash would only slow every request down).
create table api_keys (
    id            bigserial primary key,
    org_id        bigint not null references organisations (id),
    key_id        text not null unique,
    secret_sha256 bytea not null,
    name          text not null,
    role          text not null check (role in ('admin', 'editor', 'viewer')),
    created_by    text not null,
    created_at    timestamptz not null,
    revoked_at    timestamptz,
    last_used_at  timestamptz
);
create index api_keys_org on api_keys (org_id);

create table sessions (
    token_sha256  bytea primary key,
    user_id       bigint not null references users (id),
    org_id        bigint not null references organisations (id),
    csrf_token    text not null,
    created_at    timestamptz not null,
    expires_at    timestamptz not null
);

create table products (
    id           bigserial primary key,
    org_id       bigint not null references organisations (id),
    slug         text not null,
    name         text not null,
    description  text not null default '',
    created_at   timestamptz not null,
    created_by   text not null,
    unique (org_id, slug)
);

create table releases (
    id          bigserial primary key,
    org_id      bigint not null references organisations (id),
    product_id  bigint not null references products (id),
    version     text not null,
    created_at  timestamptz not null,
    unique (product_id, version)
);
create index releases_org on releases (org_id);

-- SBOMs as uploaded, content-addressed within an organisation.
create table sbom_documents (
    org_id   bigint not null references organisations (id),
    sha256   text not null,
    content  bytea not null,
    size     bigint not null,
    primary key (org_id, sha256)
);

create table release_sboms (
    id               bigserial primary key,
    org_id           bigint not null references organisations (id),
    release_id       bigint not null references releases (id),
    sha256           text not null,
    source           text not null,
    format           text not null,
    spec_version     text not null,
    media_type       text not null,
    component_count  integer not null,
    uploaded_by      text not null,
    uploaded_at      timestamptz not null,
    unique (release_id, sha256),
    foreign key (org_id, sha256) references sbom_documents (org_id, sha256)
);
create index release_sboms_org on release_sboms (org_id);

create table components (
    sbom_id     bigint not null references release_sboms (id),
    ordinal     integer not null,
    org_id      bigint not null,
    bom_ref     text not null,
    name        text not null,
    grp         text not null,
    version     text not null,
    purl        text not null,
    cpe         text not null,
    supplier    text not null,
    dependency  text not null,
    primary key (sbom_id, ordinal)
);
create index components_purl on components (org_id, purl);

-- The advisory snapshot in the existing .tdb format, stored in 1 MiB chunks; exactly one is current.
create table advisory_snapshots (
    sha256     text primary key,
    size       bigint not null,
    info       jsonb not null,
    stored_at  timestamptz not null,
    stored_by  text not null
);
create table snapshot_chunks (
    sha256  text not null references advisory_snapshots (sha256),
    seq     integer not null,
    bytes   bytea not null,
    primary key (sha256, seq)
);
-- One row, always there: every scan holds it shared, a swap holds it exclusively, so no scan
-- commits findings computed over the snapshot a swap is replacing.
create table current_snapshot (
    singleton   boolean primary key default true check (singleton),
    sha256      text references advisory_snapshots (sha256),
    swapped_at  timestamptz
);
insert into current_snapshot (singleton, sha256, swapped_at) values (true, null, null);

-- The latest scan of each release (all its SBOMs at once) and its findings.
create table release_scans (
    release_id       bigint primary key references releases (id),
    org_id           bigint not null,
    snapshot_sha256  text,
    scanned_at       timestamptz not null,
    components       integer not null,
    findings         integer not null,
    known_exploited  integer not null,
    suppressed       integer not null,
    unmatched        integer not null,
    undecided        integer not null,
    by_severity      json not null,
    warnings         json not null
);

create table findings (
    release_id        bigint not null references releases (id),
    finding_id        text not null,
    org_id            bigint not null,
    product_id        bigint not null,
    vulnerability_id  text not null,
    severity          text not null,
    severity_rank     smallint not null,
    known_exploited   boolean not null,
    suppressed        boolean not null,
    purl              text not null,
    position          integer not null,
    item              json not null,
    primary key (release_id, finding_id)
);
create index findings_product on findings (org_id, product_id, finding_id);
-- A page of a release's findings in list order, read from the index without a sort.
create index findings_order on findings (org_id, release_id, known_exploited desc, severity_rank, position);

-- The current decision per finding of a product (it carries over to every release with the same
-- finding id), and every change to it.
create table triage_decisions (
    org_id            bigint not null,
    product_id        bigint not null references products (id),
    finding_id        text not null,
    vulnerability_id  text not null,
    state             text not null,
    justification     text,
    responses         text[] not null,
    comment           text not null,
    author            text not null,
    decided_at        timestamptz not null,
    release_version   text not null,
    primary key (product_id, finding_id)
);
create table triage_history (
    id                bigserial primary key,
    org_id            bigint not null,
    product_id        bigint not null references products (id),
    finding_id        text not null,
    vulnerability_id  text not null,
    state             text not null,
    justification     text,
    responses         text[] not null,
    comment           text not null,
    author            text not null,
    decided_at        timestamptz not null,
    release_version   text not null
);
create index triage_history_finding on triage_history (org_id, product_id, finding_id);

-- Documents kept with the portfolio: incident records and product profiles (as uploaded).
create table documents (
    id          bigserial primary key,
    org_id      bigint not null references organisations (id),
    kind        text not null check (kind in ('incident', 'product-profile')),
    name        text not null,
    product_id  bigint references products (id),
    media_type  text not null,
    sha256      text not null,
    content     bytea not null,
    created_at  timestamptz not null,
    created_by  text not null,
    unique (org_id, kind, name)
);

-- The append-only, hash-chained audit log: one chain per organisation (docs/server.md).
create table audit_heads (
    org_id  bigint primary key references organisations (id),
    seq     bigint not null,
    hash    text not null
);
create table audit_log (
    org_id         bigint not null references organisations (id),
    seq            bigint not null,
    at             timestamptz not null,
    actor          text not null,
    action         text not null,
    target         text not null,
    details        text not null,
    previous_hash  text not null,
    hash           text not null,
    primary key (org_id, seq)
);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'the audit log is append-only';
end
$$;
create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
