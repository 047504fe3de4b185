-- The hashes of the passwords an account chose itself, newest first; a new password must differ from the
-- last five (等保2.0). One-time passwords handed out by the security administrator are not kept: they are
-- random and must be changed at once. The application keeps at most five rows per account.
create table platform_password_history (
    id          bigint generated always as identity primary key,
    account_id  bigint not null references platform_account (id) on delete cascade,
    password_hash text not null,
    chosen_at   timestamptz not null default now()
);
create index platform_password_history_account on platform_password_history (account_id, id desc);

insert into platform_password_history (account_id, password_hash, chosen_at)
select id, password_hash, password_changed_at from platform_account where not must_change_password;
