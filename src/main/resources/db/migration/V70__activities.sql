-- Activities (活动): brand series (工作品牌), events, registrations with a waiting list, QR check-in,
-- volunteer hours and feedback. Data scope follows the owning unit of the series and of the event.
-- Organisations, persons, key projects and sites belong to other modules: their ids are stored without
-- foreign keys across modules.

create table act_series (
    id                bigserial primary key,
    unit_id           bigint not null references platform_unit (id),
    name              text not null,
    description       text,
    -- programme_project.id (重点项目)
    project_id        bigint,
    -- org_organisation.id of the organisations that carry the series
    organisation_ids  bigint[] not null default '{}',
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    version           int not null default 0,
    unique (unit_id, name)
);

create index act_series_unit on act_series (unit_id, id);

create table act_event (
    id                   bigserial primary key,
    unit_id              bigint not null references platform_unit (id),
    series_id            bigint references act_series (id),
    title                text not null,
    kind                 text not null check (kind in ('TRAINING', 'VOLUNTEER', 'NETWORKING', 'STUDY_VISIT', 'ONLINE')),
    organiser_ids        bigint[] not null default '{}',
    -- programme_site.id (示范点) where the event takes place; the address says where exactly
    site_id              bigint,
    address              text,
    starts_at            timestamptz not null,
    ends_at              timestamptz not null,
    -- null: no limit
    capacity             int check (capacity is null or capacity > 0),
    audience             text not null default 'OPEN' check (audience in ('OPEN', 'GROUPS', 'MEMBERS')),
    audience_groups      text[] not null default '{}',
    audience_orgs        bigint[] not null default '{}',
    registration_opens   timestamptz,
    registration_closes  timestamptz,
    description          text,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              int not null default 0,
    check (ends_at >= starts_at)
);

create index act_event_unit on act_event (unit_id, starts_at);
create index act_event_series on act_event (series_id);
create index act_event_organisers on act_event using gin (organiser_ids);

create table act_registration (
    id               bigserial primary key,
    event_id         bigint not null references act_event (id),
    -- people_person.id
    person_id        bigint not null,
    status           text not null check (status in ('REGISTERED', 'WAITLISTED', 'CANCELLED')),
    channel          text not null check (channel in ('STAFF', 'PORTAL', 'WALK_IN')),
    -- 128 random bits, base32: the content of the registration's QR code. Unguessable, so it is the ticket.
    code             text not null unique,
    registered_at    timestamptz not null default clock_timestamp(),
    cancelled_at     timestamptz,
    checked_in_at    timestamptz,
    checked_in_by    text,
    volunteer_hours  numeric(5, 1) check (volunteer_hours is null or volunteer_hours between 0 and 999),
    updated_at       timestamptz not null default now(),
    unique (event_id, person_id)
);

create index act_registration_waitlist on act_registration (event_id, status, registered_at, id);
create index act_registration_person on act_registration (person_id);

create table act_feedback (
    registration_id  bigint primary key references act_registration (id),
    satisfaction     smallint not null check (satisfaction between 1 and 5),   -- 满意度
    gain             smallint not null check (gain between 1 and 5),           -- 获得感
    comment          text,
    given_by         text not null,
    given_at         timestamptz not null default now()
);

insert into platform_role_permission (role, permission) values
    ('CENTRAL_OFFICE', 'activities:read'),
    ('CENTRAL_OFFICE', 'activities:write'),
    ('CENTRAL_OFFICE', 'activities:checkin'),
    ('STAFF', 'activities:read'),
    ('STAFF', 'activities:write'),
    ('STAFF', 'activities:checkin');
