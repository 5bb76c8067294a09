-- A refresh that changes a finding's EPSS score records it too (issue 13: KEV/EPSS updated in place).
alter table finding_changes drop constraint finding_changes_change_check;
alter table finding_changes add constraint finding_changes_change_check
    check (change in ('gained', 'lost', 'kev-added', 'kev-removed', 'epss'));
