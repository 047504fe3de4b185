-- Background jobs (imports, large exports, report generation): queued in the database so that a job
-- survives a restart of the application. A job's handler runs the whole job again after a crash, so
-- handlers keep their effects in one transaction or make them idempotent.
create table platform_job (
    id            bigint generated always as identity primary key,
    kind          text not null,
    unit_id       bigint not null references platform_unit (id),
    owner         text not null,
    status        text not null default 'QUEUED'
                  check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    parameters    text,
    phase         text,
    done          bigint not null default 0,
    total         bigint,
    result        text,
    error         text,
    attempts      int not null default 0,
    runner        text,
    created_at    timestamptz not null default now(),
    started_at    timestamptz,
    heartbeat_at  timestamptz,
    finished_at   timestamptz
);
create index platform_job_queue on platform_job (id) where status in ('QUEUED', 'RUNNING');
create index platform_job_unit on platform_job (unit_id, id);

-- Files a job reads or writes (the uploaded sheet, its error report). The bytes live in the file store
-- directory; the database keeps where, what and their SHA-256.
create table platform_job_file (
    id           bigint generated always as identity primary key,
    job_id       bigint not null references platform_job (id) on delete cascade,
    purpose      text not null check (purpose in ('INPUT', 'OUTPUT')),
    name         text not null,
    content_type text not null,
    size         bigint not null,
    sha256       char(64) not null,
    location     text not null,
    created_at   timestamptz not null default now(),
    unique (job_id, purpose, name)
);
