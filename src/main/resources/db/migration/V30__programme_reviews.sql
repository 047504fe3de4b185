-- Mid-term review rounds (中期推动 / “回头看”): a rubric, reviewers, assignments, scores, and the
-- results frozen when a round closes. Then the exemplary-case library (典型案例) with adoptions.

-- Reviewers see only the projects assigned to them, through their own screens (review:score): the
-- general programme screens would show every project of their (central) unit.
delete from platform_role_permission where role = 'REVIEWER' and permission = 'programme:read';
insert into platform_role_permission (role, permission) values
    ('CENTRAL_OFFICE', 'review:manage'),
    ('CENTRAL_OFFICE', 'case:publish');

-- A reviewer is an account (by username) with a home city: never assigned a project of that city.
create table programme_reviewer (
    username       text primary key,
    name           text not null,
    home_city      bigint not null,
    home_city_name text not null,
    expertise      text,
    created_at     timestamptz not null default now()
);

create table programme_review_round (
    id                bigint generated always as identity primary key,
    title             text not null,
    batch_id          bigint references programme_batch (id),
    opens_on          date not null,
    closes_on         date not null,
    outlier_threshold numeric(5, 2) not null default 15 check (outlier_threshold > 0),
    state             text not null check (state in ('OPEN', 'CLOSED')),
    created_by        text not null,
    created_at        timestamptz not null default now(),
    closed_by         text,
    closed_at         timestamptz,
    check (closes_on >= opens_on),
    check ((state = 'CLOSED') = (closed_at is not null))
);

-- Weights are whole points; that they sum to 100 is checked when the round is created.
create table programme_review_criterion (
    id          bigint generated always as identity primary key,
    round_id    bigint not null references programme_review_round (id) on delete cascade,
    sort        int not null,
    name        text not null,
    weight      int not null check (weight between 1 and 100),
    descriptors text,
    unique (round_id, name)
);

-- The projects a round covers: a whole batch or a chosen set, fixed when the round is created.
create table programme_review_project (
    round_id   bigint not null references programme_review_round (id) on delete cascade,
    project_id bigint not null references programme_project (id),
    primary key (round_id, project_id)
);

create table programme_review_assignment (
    id              bigint generated always as identity primary key,
    round_id        bigint not null,
    project_id      bigint not null,
    reviewer        text not null references programme_reviewer (username),
    state           text not null check (state in ('ASSIGNED', 'DRAFT', 'SUBMITTED')),
    override_reason text,
    assigned_by     text not null,
    assigned_at     timestamptz not null default now(),
    submitted_at    timestamptz,
    unique (round_id, project_id, reviewer),
    foreign key (round_id, project_id) references programme_review_project (round_id, project_id) on delete cascade
);
-- Every reviewer query starts here: the reviewer's own assignments.
create index programme_review_assignment_reviewer on programme_review_assignment (reviewer, round_id);

create table programme_review_score (
    assignment_id bigint not null references programme_review_assignment (id) on delete cascade,
    criterion_id  bigint not null references programme_review_criterion (id),
    score         int check (score between 0 and 100),
    comment       text,
    primary key (assignment_id, criterion_id)
);

-- The results as they stood when the round closed, one row per project. unit_id is the project's
-- owning unit, copied, so that a city's view of its own results is scoped in SQL.
create table programme_review_result (
    round_id   bigint not null references programme_review_round (id) on delete cascade,
    project_id bigint not null references programme_project (id),
    unit_id    bigint not null,
    rank       int,
    result     jsonb not null,
    primary key (round_id, project_id)
);
create index programme_review_result_unit on programme_review_result (unit_id);

create extension if not exists pg_trgm;

create table programme_case (
    id              bigint generated always as identity primary key,
    project_id      bigint not null references programme_project (id),
    unit_id         bigint not null,
    place           text not null,
    title           text not null,
    summary         text not null,
    success_factors text not null,
    replication     text not null,
    target_groups   text[] not null default '{}'
        check (target_groups <@ array['ENTERPRISE', 'INTERMEDIARY', 'FREELANCE', 'NEW_MEDIA']),
    site_kinds      text[] not null default '{}',
    mechanisms      text[] not null default '{}',
    state           text not null check (state in ('DRAFT', 'PUBLISHED')),
    published_at    timestamptz,
    created_by      text not null,
    created_at      timestamptz not null default now(),
    version         int not null default 0
);
-- Text search with ILIKE on title and summary; trigrams serve queries of three characters or more.
create index programme_case_text on programme_case using gin ((title || ' ' || summary) gin_trgm_ops);
create index programme_case_tags on programme_case using gin (mechanisms);

create table programme_case_evidence (
    case_id       bigint not null references programme_case (id) on delete cascade,
    attachment_id bigint not null references programme_attachment (id),
    primary key (case_id, attachment_id)
);

-- A city (or district) saying “我们正在借鉴”: one mark per unit and case.
create table programme_case_adoption (
    case_id    bigint not null references programme_case (id) on delete cascade,
    unit_id    bigint not null,
    unit_name  text not null,
    note       text,
    adopted_by text not null,
    adopted_at timestamptz not null default now(),
    primary key (case_id, unit_id)
);
