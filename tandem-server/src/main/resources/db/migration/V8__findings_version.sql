-- What a product's findings pages show (its releases' findings and the product's triage decisions) is
-- stamped with a version that every change bumps, so a server instance may keep a release's findings in
-- memory and check with one indexed read per request that they are still current (docs/server.md,
-- "Findings pages in memory"). Triggers bump it, not the writers, so no writer can forget: a new scan,
-- an in-place KEV/EPSS rewrite, a re-scan after a snapshot swap or a VEX upload, a triage decision.
-- The values come from one sequence: they only grow, and a version is never reused.
alter table products add column findings_version bigint not null default 0;
create sequence findings_version_seq;

-- Statement-level, over the statement's rows: a COPY of a release's 10,000 findings bumps its product
-- once, not 10,000 times. The bump takes the product row's lock until the transaction ends, like any
-- write to the product; every multi-product writer (a snapshot swap) already runs one at a time.
create function bump_findings_version() returns trigger language plpgsql as $$
begin
    update products set findings_version = nextval('findings_version_seq')
     where id in (select distinct product_id from changed_rows);
    return null;
end
$$;

-- One trigger per event: PostgreSQL allows a transition table only on a single-event trigger.
create trigger findings_inserted after insert on findings referencing new table as changed_rows
    for each statement execute function bump_findings_version();
create trigger findings_updated after update on findings referencing new table as changed_rows
    for each statement execute function bump_findings_version();
create trigger findings_deleted after delete on findings referencing old table as changed_rows
    for each statement execute function bump_findings_version();
create trigger triage_inserted after insert on triage_decisions referencing new table as changed_rows
    for each statement execute function bump_findings_version();
create trigger triage_updated after update on triage_decisions referencing new table as changed_rows
    for each statement execute function bump_findings_version();
create trigger triage_deleted after delete on triage_decisions referencing old table as changed_rows
    for each statement execute function bump_findings_version();
