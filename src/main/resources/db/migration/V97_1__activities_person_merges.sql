-- Registrations moved by a merge of duplicate persons (people_merge.id, no foreign key across modules), so that
-- undoing the merge puts back exactly these rows. When both persons were registered for the same event, one
-- registration is kept (checked in, else the stronger status, else the survivor's) and the other REMOVED: its
-- row and its feedback are kept here and re-inserted, with their ids, by undo.
create table act_registration_merge (
    merge_id         bigint not null,
    registration_id  bigint not null,
    outcome          text not null check (outcome in ('MOVED', 'REMOVED')),
    removed_row      jsonb,
    removed_feedback jsonb,
    moved_at         timestamptz not null default now(),
    primary key (merge_id, registration_id),
    check ((outcome = 'REMOVED') = (removed_row is not null))
);
