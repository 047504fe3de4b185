-- Memberships moved by a merge of duplicate persons (people_merge.id, no foreign key across modules), so that
-- undoing the merge puts back exactly these rows. When both persons held the same membership (organisation,
-- role and term), one is kept (the stronger status, else the survivor's) and the other REMOVED: its whole row
-- is kept here and re-inserted, with its id, by undo.
create table org_membership_merge (
    merge_id       bigint not null,
    membership_id  bigint not null,
    outcome        text not null check (outcome in ('MOVED', 'REMOVED')),
    removed_row    jsonb,
    moved_at       timestamptz not null default now(),
    primary key (merge_id, membership_id),
    check ((outcome = 'REMOVED') = (removed_row is not null))
);
