-- Bulk import of persons from .xlsx / .csv (RuoYi-style: template, import, error report).
-- The rows of a file are staged in a temporary table inside the import's one transaction, so nothing of
-- an unfinished import survives a crash; only what a finished import leaves is stored here.

-- Which import job wrote or last updated a person: the per-row trace of an import, since the audit log
-- carries one entry per import, not one per row.
alter table people_person add column import_job_id bigint;

-- One row per committed import (never for a dry run), written in the import's transaction: a job that is
-- run again after a crash finds it and does not import the file a second time.
create table people_import (
    job_id          bigint primary key,
    unit_id         bigint not null,
    mode            text not null check (mode in ('SKIP', 'UPDATE', 'FILL_EMPTY')),
    total           bigint not null,
    inserted        bigint not null,
    updated         bigint not null,
    skipped         bigint not null,
    failed          bigint not null,
    unknown_headers text[] not null default '{}',
    finished_at     timestamptz not null default now()
);

-- A unit's own header names (「联系手机」 → phone), reused by every later import of that unit.
create table people_import_mapping (
    unit_id    bigint not null,
    header     text not null,
    field      text not null,
    created_by text not null,
    created_at timestamptz not null default now(),
    primary key (unit_id, header)
);

insert into platform_role_permission (role, permission) values
    ('CENTRAL_OFFICE', 'people:import'),
    ('STAFF', 'people:import');
