-- Terms of office (换届), partner units, linkage mechanisms (工作机制) and shared tasks.

-- The organisation's current term; a "new term" closes the positions of the old one and opens the new.
alter table org_organisation add column current_term int not null default 1 check (current_term >= 1);
alter table org_membership add column term_no int not null default 1;
alter table org_membership add constraint org_membership_role
    check (role in ('PRESIDENT', 'VICE_PRESIDENT', 'SECRETARY_GENERAL', 'DIRECTOR', 'MEMBER', 'LIAISON'));
alter table org_membership add constraint org_membership_term check (term_end is null or term_start is null or term_end >= term_start);

-- Partner units the department works with: 群团 bodies, social organisations, industry associations,
-- park management companies, other departments.
create table org_partner (
    id          bigserial primary key,
    unit_id     bigint not null references platform_unit (id),
    name        text not null,
    kind        text not null check (kind in ('MASS_ORG', 'SOCIAL_ORG', 'INDUSTRY_ASSN', 'PARK_MANAGEMENT', 'DEPARTMENT', 'OTHER')),
    contact     text,
    created_at  timestamptz not null default now(),
    unique (unit_id, name)
);

create index org_partner_unit on org_partner (unit_id, id);

-- A named linkage mechanism ("党委+群团+社会组织", "1+3+M+N") and the partners in it, each with its role.
create table org_mechanism (
    id          bigserial primary key,
    unit_id     bigint not null references platform_unit (id),
    name        text not null,
    description text,
    created_at  timestamptz not null default now(),
    unique (unit_id, name)
);

create index org_mechanism_unit on org_mechanism (unit_id, id);

create table org_mechanism_partner (
    mechanism_id bigint not null references org_mechanism (id),
    partner_id   bigint not null references org_partner (id),
    role         text not null,
    primary key (mechanism_id, partner_id)
);

-- A task shared across units and partners; overdue when open after its due date.
create table org_task (
    id           bigserial primary key,
    unit_id      bigint not null references platform_unit (id),
    mechanism_id bigint references org_mechanism (id),
    partner_id   bigint references org_partner (id),
    title        text not null,
    due_on       date not null,
    status       text not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    done_on      date,
    created_at   timestamptz not null default now(),
    version      int not null default 0
);

create index org_task_unit on org_task (unit_id, id);

insert into platform_role_permission (role, permission) values ('CENTRAL_OFFICE', 'organisations:kinds');
