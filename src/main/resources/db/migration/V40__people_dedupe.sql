-- Duplicate detection and merging in the people registry.

-- A merged person keeps its row (for undo and for the audit trail) but leaves every list, search and
-- export: it points at the record that absorbed it.
alter table people_person add column merged_into bigint references people_person (id);

-- Exact-match rules of the detection run, each an index lookup per examined person (never a self-join).
create index people_person_name_birth on people_person (name, birth_date)
    where name is not null and birth_date is not null;
create index people_person_name_employer on people_person (name, employer)
    where name is not null and employer is not null;
-- The incremental run starts from the persons created or changed since the last run.
create index people_person_updated_at on people_person (updated_at);

-- The merge writes a history entry on both records.
alter table people_history drop constraint people_history_field_check;
alter table people_history add constraint people_history_field_check
    check (field in ('UNIT', 'GROUP', 'EMPLOYER', 'POSITION', 'MERGE'));

-- A candidate pair, once: low_id < high_id. Decided pairs (MERGED, NOT_DUPLICATE) are never proposed again;
-- an OPEN pair's score and reasons follow the latest run.
create table people_duplicate (
    id         bigint generated always as identity primary key,
    low_id     bigint not null references people_person (id),
    high_id    bigint not null references people_person (id),
    score      int not null,
    reasons    text[] not null,
    status     text not null default 'OPEN' check (status in ('OPEN', 'MERGED', 'NOT_DUPLICATE')),
    found_at   timestamptz not null default now(),
    decided_at timestamptz,
    decided_by text,
    unique (low_id, high_id),
    check (low_id < high_id)
);
-- The review list: open pairs, best score first (keyset on score, id).
create index people_duplicate_open on people_duplicate (score desc, id desc) where status = 'OPEN';
create index people_duplicate_high on people_duplicate (high_id);

-- One row a deployment: where the incremental run starts (persons updated after last_run, with a margin).
create table people_dedupe_watermark (
    singleton boolean primary key default true check (singleton),
    last_run  timestamptz not null
);
insert into people_dedupe_watermark (last_run) values ('-infinity');

-- What a merge changed, so that undo restores both records exactly: the survivor's columns before the
-- merge and the ids of the consent, history and platform-account rows moved to it or written by it.
create table people_merge (
    id                bigint generated always as identity primary key,
    duplicate_id      bigint not null references people_duplicate (id),
    survivor_id       bigint not null references people_person (id),
    merged_id         bigint not null references people_person (id),
    survivor_before   jsonb not null,
    survivor_version  int not null,
    moved_consents    bigint[] not null,
    moved_history     bigint[] not null,
    moved_accounts    bigint[] not null,
    written_history   bigint[] not null,
    merged_at         timestamptz not null default now(),
    merged_by         text not null,
    undone_at         timestamptz,
    undone_by         text
);
create index people_merge_duplicate on people_merge (duplicate_id);

insert into platform_role_permission (role, permission) values
    ('CENTRAL_OFFICE', 'people:dedupe'),
    ('STAFF', 'people:dedupe'),
    -- A run over the whole deployment at the press of a button: the central office only.
    ('CENTRAL_OFFICE', 'people:dedupe-run');
