-- People registry (人士信息库): persons with their consent ledger, movement history and platform accounts.
-- Sized for ~10 million persons in one deployment: every list is a keyset page inside the caller's data
-- scope, every search hits an index, and identifying numbers are stored encrypted with keyed hashes for
-- exact lookup.

create extension if not exists pg_trgm;

-- Single characters and character pairs of a name: Chinese names are 2–4 characters, so a 1–2 character
-- query is an exact array containment on a GIN index (trigrams need three characters).
create function people_name_grams(name text) returns text[]
    language sql immutable parallel safe strict as $$
    select coalesce(array_agg(distinct gram order by gram), '{}')
    from (select substr(name, i, 1) as gram from generate_series(1, char_length(name)) i
          union all
          select substr(name, i, 2) from generate_series(1, char_length(name) - 1) i) grams
$$;

create table people_person (
    id                 bigint generated always as identity primary key,
    -- The owning city or district: the data-scope column.
    unit_id            bigint not null,
    -- The city's (or municipality's) code: the distribution column of the Citus plan (docs/scaling.md).
    region_code        char(6) not null,
    -- Null only once the person has been anonymised.
    name               text,
    sex                char(1) check (sex in ('M', 'F')),
    birth_date         date,
    ethnicity          text,
    -- AES-256-GCM: key id byte, 12-byte IV, ciphertext and tag. The hashes are HMAC-SHA256 for exact lookup.
    id_number_cipher   bytea,
    id_number_hash     bytea,
    phone_cipher       bytea,
    phone_hash         bytea,
    -- HMAC of the last four digits: search by tail number without decrypting anything.
    phone_suffix_hash  bytea,
    email              text,
    education          text,
    affiliation        text,
    -- Which democratic party, when affiliation is DEMOCRATIC.
    party              text,
    religion_cipher    bytea,
    group_code         text not null check (group_code in ('ENTERPRISE', 'INTERMEDIARY', 'FREELANCE', 'NEW_MEDIA')),
    subgroup           text,
    employer           text,
    position           text,
    sector             text,
    address            text,
    tags               text[] not null default '{}',
    notes              text,
    legal_basis        text not null check (legal_basis in ('CONSENT', 'DUTY', 'PUBLIC')),
    -- The latest BASIC consent event, kept here so the list can filter on it without reading the ledger.
    consent_state      text not null default 'NONE' check (consent_state in ('NONE', 'GIVEN', 'WITHDRAWN')),
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now(),
    version            int not null default 0,
    anonymised_at      timestamptz,
    name_grams         text[] generated always as (coalesce(people_name_grams(name), '{}')) stored,
    check ((name is null) = (anonymised_at is not null))
);

-- Keyset pages within scope: "unit_id in (scope) order by id desc".
create index people_person_unit_id on people_person (unit_id, id);
create index people_person_name_grams on people_person using gin (name_grams);
create index people_person_name_trgm on people_person using gin (name gin_trgm_ops);
create index people_person_employer_trgm on people_person using gin (employer gin_trgm_ops);
create index people_person_id_number_hash on people_person (id_number_hash) where id_number_hash is not null;
create index people_person_phone_hash on people_person (phone_hash) where phone_hash is not null;
create index people_person_phone_suffix_hash on people_person (phone_suffix_hash) where phone_suffix_hash is not null;
create index people_person_tags on people_person using gin (tags);

-- Code lists (RuoYi-style dictionaries): groups, sub-groups, ethnicities, education, affiliations,
-- democratic parties, sectors, new-media platforms. Administrators add entries; codes are never deleted,
-- only deactivated, so old records keep their meaning.
create table people_dictionary (
    kind     text not null,
    code     text not null,
    label_zh text not null,
    label_en text not null,
    parent   text,
    sort     int not null default 0,
    active   boolean not null default true,
    primary key (kind, code)
);

create table people_platform_account (
    id        bigint generated always as identity primary key,
    person_id bigint not null references people_person (id),
    platform  text not null,
    handle    text not null,
    followers bigint,
    verified  boolean not null default false
);
create index people_platform_account_person on people_platform_account (person_id);

-- The consent ledger (PIPL): append-only; the person's current state is the latest event per scope.
create table people_consent (
    id             bigint generated always as identity primary key,
    person_id      bigint not null references people_person (id),
    event          text not null check (event in ('GIVEN', 'WITHDRAWN')),
    scope          text not null check (scope in ('BASIC', 'SENSITIVE')),
    notice_version text not null,
    channel        text not null,
    at             timestamptz not null default now(),
    recorded_by    text not null
);
create index people_consent_person on people_consent (person_id, at);

-- Movement between units, groups, employers and positions (新陈代谢、分化流动).
create table people_history (
    id         bigint generated always as identity primary key,
    person_id  bigint not null references people_person (id),
    field      text not null check (field in ('UNIT', 'GROUP', 'EMPLOYER', 'POSITION')),
    old_value  text,
    new_value  text,
    changed_at timestamptz not null default now(),
    changed_by text not null
);
create index people_history_person on people_history (person_id, changed_at);
