-- Organising people (组织起来): organisations of the new social strata and their members.
-- Every organisation belongs to an owning unit (city, district or site); data scope follows that unit.

create table org_kind (
    code       text primary key,
    label_zh   text not null,
    label_en   text not null,
    -- EXTERNAL: a chapter of an existing platform (政协界别, 工会, 共青团 …), not an organisation we run.
    external   boolean not null default false,
    builtin    boolean not null default false,
    active     boolean not null default true,
    sort       int not null default 100
);

insert into org_kind (code, label_zh, label_en, external, builtin, sort) values
    ('ASSOCIATION',   '联谊会',         'Association',              false, true, 10),
    ('CHAPTER',       '分会',           'Chapter',                  false, true, 20),
    ('ALLIANCE',      '联盟',           'Alliance',                 false, true, 30),
    ('LIAISON',       '联络站',         'Liaison station',          false, true, 40),
    ('HOME',          '之家',           'Home',                     false, true, 50),
    ('SERVICE_POINT', '服务站/阵地',    'Service point',            false, true, 60),
    ('CPPCC_SECTOR',  '政协界别',       'CPPCC sector',             true,  true, 70),
    ('TRADE_UNION',   '工会',           'Trade union',              true,  true, 80),
    ('YOUTH_LEAGUE',  '共青团',         'Communist Youth League',   true,  true, 90),
    ('WOMEN_FED',     '妇联',           'Women''s Federation',      true,  true, 100),
    ('FIC',           '工商联',         'Federation of Industry and Commerce', true, true, 110),
    ('INDUSTRY_ASSN', '行业协会',       'Industry association',     true,  true, 120),
    ('SOCIAL_ORG',    '社会组织',       'Social organisation',      true,  true, 130);

create table org_organisation (
    id                   bigserial primary key,
    name                 text not null,
    kind                 text not null references org_kind (code),
    unit_id              bigint not null references platform_unit (id),
    parent_id            bigint references org_organisation (id),
    -- A demonstration site of the programme (programme_site.id); no foreign key across modules.
    site_id              bigint,
    founded_on           date,
    registered           boolean not null default false,   -- registered with 民政
    address              text,
    contact_name         text,
    contact_phone        text,
    description          text,
    target_groups        text[] not null default '{}',     -- ENTERPRISE / INTERMEDIARY / FREELANCE / NEW_MEDIA
    -- Party-organisation coverage (党的组织覆盖).
    party_org_form       text not null default 'NONE'
        check (party_org_form in ('INDEPENDENT', 'JOINT', 'FUNCTIONAL', 'NONE')),
    party_members        int not null default 0 check (party_members >= 0),
    party_instructor     boolean not null default false,  -- 党建指导员 assigned
    dissolved_on         date,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              int not null default 0,
    unique (unit_id, name)
);

create index org_organisation_unit on org_organisation (unit_id, id);
create index org_organisation_parent on org_organisation (parent_id);

-- Person ↔ organisation. A person may hold several rows in one organisation over time (one per term or role).
create table org_membership (
    id               bigserial primary key,
    organisation_id  bigint not null references org_organisation (id),
    -- people_person.id; the people module owns persons, so no foreign key across modules.
    person_id        bigint not null,
    role             text not null default 'MEMBER',
    term_start       date,
    term_end         date,
    status           text not null default 'ACTIVE' check (status in ('APPLIED', 'ACTIVE', 'SUSPENDED', 'LEFT')),
    joined_via       text not null default 'APPLICATION' check (joined_via in ('APPLICATION', 'INVITATION', 'TRANSFER', 'IMPORT')),
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          int not null default 0
);

create index org_membership_organisation on org_membership (organisation_id, status);
create index org_membership_person on org_membership (person_id);

insert into platform_role_permission (role, permission) values
    ('CENTRAL_OFFICE', 'organisations:read'),
    ('CENTRAL_OFFICE', 'organisations:write'),
    ('STAFF', 'organisations:read'),
    ('STAFF', 'organisations:write');
