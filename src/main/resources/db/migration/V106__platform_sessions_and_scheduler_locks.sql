-- platform: sessions in the database when several nodes share one external PostgreSQL (Spring Session JDBC,
-- tongxin.sessions.store; decision 0013), and the locks that keep scheduled work to one node at a time
-- (ShedLock). Spring Session's own PostgreSQL schema, under the platform's table names.
create table platform_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint not null,
    last_access_time      bigint not null,
    max_inactive_interval int not null,
    expiry_time           bigint not null,
    principal_name        varchar(100),
    constraint platform_session_pk primary key (primary_id)
);
create unique index platform_session_ix1 on platform_session (session_id);
create index platform_session_ix2 on platform_session (expiry_time);
-- Ending all sessions of an account (disabled, locked, password reset) looks them up by its name.
create index platform_session_ix3 on platform_session (principal_name);

create table platform_session_attributes (
    session_primary_id char(36) not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea not null,
    constraint platform_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint platform_session_attributes_fk foreign key (session_primary_id)
        references platform_session (primary_id) on delete cascade
);

-- ShedLock's table: one row per scheduled task, held by the node that runs it until lock_until.
create table platform_scheduler_lock (
    name       varchar(64) primary key,
    lock_until timestamptz not null,
    locked_at  timestamptz not null,
    locked_by  varchar(255) not null
);
