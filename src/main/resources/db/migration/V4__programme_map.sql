-- Programme map: ranked cities, the 49 programme cities, their bases and demonstration sites.

-- Reference data per prefecture-level city and municipality. Name and province are copied from the
-- same code list as the unit tree so that the programme module never reads platform tables.
create table programme_city (
    unit_id            bigint primary key,
    code               char(6) not null unique,
    name               text not null,
    province_code      char(2) not null,
    province_name      text not null,
    rank               text not null check (rank in ('MUNICIPALITY', 'SUB_PROVINCIAL', 'PROVINCIAL_CAPITAL', 'PREFECTURE')),
    provincial_capital boolean not null,
    tier               text check (tier in ('PILOT', 'PROMOTION')),
    tier_year          int,
    check ((tier is null) = (tier_year is null))
);
create index programme_city_tier on programme_city (tier) where tier is not null;

-- One practice-innovation base (实践创新基地) per programme city.
create table programme_base (
    id          bigint generated always as identity primary key,
    city_unit   bigint not null unique references programme_city (unit_id),
    name        text not null,
    description text
);

-- Demonstration sites (示范点). Each site is also a SITE unit of the tree (unit_id), so data scope
-- covers it like any other unit; parent_unit is the city or district it sits in.
create table programme_site (
    id               bigint generated always as identity primary key,
    unit_id          bigint not null unique,
    parent_unit      bigint not null,
    parent_name      text not null,
    name             text not null,
    kind             text not null check (kind in ('PARK', 'BUILDING', 'COMMUNITY', 'LIAISON_STATION', 'TOWN', 'CREATIVE_SPACE', 'OTHER')),
    address          text,
    opened_on        date,
    responsible_unit text,
    description      text,
    closed_on        date,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          int not null default 0
);
create index programme_site_parent on programme_site (parent_unit);
