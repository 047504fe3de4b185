-- Key projects (重点项目) in batches: indicators, milestones, progress reports with evidence, and the
-- project's own event log for its timeline. A project's owning unit (a city or a district) is its
-- data-scope column. Review rounds will refer to projects by id.

-- Batches are run by the central office only.
insert into platform_role_permission (role, permission) values ('CENTRAL_OFFICE', 'programme:batches');

create table programme_batch (
    id            bigint generated always as identity primary key,
    number        int not null unique check (number > 0),
    year          int not null check (year between 2000 and 2100),
    title         text not null,
    planned_count int not null check (planned_count >= 0),
    call_opens    date,
    call_closes   date,
    version       int not null default 0,
    check (call_opens is null or call_closes is null or call_closes >= call_opens)
);

-- unit_name ("重庆市 / 渝中区") and city_name are copied from the unit tree when a project is saved,
-- so that lists and exports need no join into platform tables.
create table programme_project (
    id                  bigint generated always as identity primary key,
    batch_id            bigint not null references programme_batch (id),
    unit_id             bigint not null,
    unit_name           text not null,
    city_unit           bigint not null,
    city_name           text not null,
    title               text not null,
    carrier             text,
    target_groups       text[] not null default '{}'
        check (target_groups <@ array['ENTERPRISE', 'INTERMEDIARY', 'FREELANCE', 'NEW_MEDIA']),
    innovation_focus    text,
    background          text,
    goals               text,
    measures            text,
    responsible_persons text,
    partner_units       text,
    budget              numeric(14, 2) check (budget is null or budget >= 0),
    starts_on           date,
    ends_on             date,
    status              text not null check (status in ('PLANNED', 'IN_PROGRESS', 'AT_RISK', 'COMPLETED', 'STOPPED')),
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             int not null default 0,
    check (starts_on is null or ends_on is null or ends_on >= starts_on)
);
create index programme_project_unit on programme_project (unit_id);
create index programme_project_batch on programme_project (batch_id, status);
create index programme_project_city on programme_project (city_unit);

create table programme_project_site (
    project_id bigint not null references programme_project (id) on delete cascade,
    site_id    bigint not null references programme_site (id),
    primary key (project_id, site_id)
);

-- unit_label is the measure ("家", "座", "人"), not an administrative unit.
create table programme_indicator (
    id         bigint generated always as identity primary key,
    project_id bigint not null references programme_project (id) on delete cascade,
    name       text not null,
    unit_label text not null,
    baseline   numeric(14, 2) not null default 0,
    target     numeric(14, 2) not null,
    sort       int not null default 0
);
create index programme_indicator_project on programme_indicator (project_id);

create table programme_milestone (
    id         bigint generated always as identity primary key,
    project_id bigint not null references programme_project (id) on delete cascade,
    title      text not null,
    due_on     date not null,
    done_on    date,
    created_at timestamptz not null default now()
);
create index programme_milestone_project on programme_milestone (project_id);
create index programme_milestone_open on programme_milestone (due_on) where done_on is null;

create table programme_report (
    id             bigint generated always as identity primary key,
    project_id     bigint not null references programme_project (id) on delete cascade,
    kind           text not null check (kind in ('PERIODIC', 'AD_HOC')),
    period         text check (period ~ '^[0-9]{4}-Q[1-4]$'),
    body           text not null,
    state          text not null check (state in ('SUBMITTED', 'RETURNED')),
    revision       int not null default 0,
    submitted_by   text not null,
    submitted_at   timestamptz not null default now(),
    returned_by    text,
    returned_at    timestamptz,
    return_comment text,
    check (kind = 'AD_HOC' or period is not null)
);
create index programme_report_project on programme_report (project_id, submitted_at desc);

create table programme_report_value (
    report_id    bigint not null references programme_report (id) on delete cascade,
    indicator_id bigint not null references programme_indicator (id),
    value        numeric(14, 2) not null,
    primary key (report_id, indicator_id)
);
create index programme_report_value_indicator on programme_report_value (indicator_id);

-- Evidence lives in the database, never under the web root; content_type is what the bytes were
-- recognised as, not what the browser claimed.
create table programme_attachment (
    id           bigint generated always as identity primary key,
    report_id    bigint not null references programme_report (id) on delete cascade,
    file_name    text not null,
    content_type text not null,
    size_bytes   bigint not null check (size_bytes > 0),
    sha256       char(64) not null,
    content      bytea not null,
    uploaded_by  text not null,
    uploaded_at  timestamptz not null default now()
);
create index programme_attachment_report on programme_attachment (report_id);

-- What happened to a project, for its timeline; the audit log keeps the full record.
create table programme_project_event (
    id         bigint generated always as identity primary key,
    project_id bigint not null references programme_project (id) on delete cascade,
    at         timestamptz not null default now(),
    kind       text not null check (kind in ('CREATED', 'STATUS', 'REPORTED', 'RETURNED', 'REVISED')),
    detail     text,
    actor      text not null
);
create index programme_project_event_project on programme_project_event (project_id, at);
