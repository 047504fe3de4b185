-- Platform: the administrative hierarchy, accounts with roles, API tokens and the tamper-evident audit log.

create extension if not exists ltree;

-- The unit tree: 中央 → provinces → cities → districts → sites.
-- Region units use their GB/T 2260 code as id, so ids are stable across installations.
-- "path" holds the ids of all ancestors and the unit itself, so "this unit and below"
-- is the single indexed predicate  path <@ :scopePath.
create table platform_unit (
    id        bigint primary key,
    code      varchar(6) unique,
    name      text not null,
    level     text not null check (level in ('CENTRAL', 'PROVINCE', 'CITY', 'DISTRICT', 'SITE')),
    parent_id bigint references platform_unit (id),
    path      ltree not null,
    closed_at timestamptz
);
create index platform_unit_path_gist on platform_unit using gist (path);
create index platform_unit_parent on platform_unit (parent_id);

-- Sites are created at run time; region ids are six-digit codes, so sites start far above them.
create sequence platform_unit_site_seq start with 100000000;

create table platform_role (
    code     text primary key,
    sort     int not null
);

create table platform_role_permission (
    role       text not null references platform_role (code),
    permission text not null,
    primary key (role, permission)
);

create table platform_account (
    id                   bigint generated always as identity primary key,
    username             varchar(64) not null unique,
    display_name         text not null,
    unit_id              bigint not null references platform_unit (id),
    password_hash        text not null,
    password_changed_at  timestamptz not null default now(),
    must_change_password boolean not null default false,
    failed_attempts      int not null default 0,
    locked_until         timestamptz,
    totp_secret          text,
    totp_enabled         boolean not null default false,
    locale               varchar(10),
    enabled              boolean not null default true,
    created_at           timestamptz not null default now(),
    last_login_at        timestamptz
);
create index platform_account_unit on platform_account (unit_id);

create table platform_account_role (
    account_id bigint not null references platform_account (id) on delete cascade,
    role       text not null references platform_role (code),
    primary key (account_id, role)
);

-- Personal API tokens: only a SHA-256 of the secret is kept.
create table platform_api_token (
    id           bigint generated always as identity primary key,
    account_id   bigint not null references platform_account (id) on delete cascade,
    name         text not null,
    token_hash   char(64) not null unique,
    prefix       varchar(16) not null,
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index platform_api_token_account on platform_api_token (account_id);

-- Append-only audit log. Each entry carries the SHA-256 of its own content chained to the
-- previous entry's hash, so an entry altered or removed in SQL breaks the chain at that point.
create table platform_audit_log (
    id          bigint generated always as identity primary key,
    at          timestamptz not null,
    actor       text not null,
    actor_unit  bigint,
    action      text not null,
    object_type text,
    object_id   text,
    detail      text,
    reason      text,
    ip          text,
    prev_hash   char(64) not null,
    hash        char(64) not null
);
create index platform_audit_log_at on platform_audit_log (at);
create index platform_audit_log_actor on platform_audit_log (actor, at);
create index platform_audit_log_object on platform_audit_log (object_type, object_id);

-- Entries can never be changed; they can only be removed after the legal minimum of 180 days,
-- and only by the retention job, which announces itself with a transaction-local setting.
create function platform_audit_log_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        raise exception 'platform_audit_log is append-only';
    end if;
    if coalesce(current_setting('tongxin.audit_retention', true), '') <> 'on'
       or old.at > now() - interval '180 days' then
        raise exception 'audit entries can only be removed by the retention job after 180 days';
    end if;
    return old;
end $$;

create trigger platform_audit_log_append_only
    before update or delete on platform_audit_log
    for each row execute function platform_audit_log_guard();

-- The hash of the last removed entry, so the chain can still be verified after retention.
create table platform_audit_anchor (
    id        int primary key check (id = 1),
    last_hash char(64) not null
);
