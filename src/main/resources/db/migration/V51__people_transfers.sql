-- A person who moves is transferred, not copied: the sending unit asks, the receiving unit accepts
-- (then the owning unit changes and the history records it) or declines.
create table people_transfer (
    id           bigint generated always as identity primary key,
    person_id    bigint not null references people_person (id),
    from_unit    bigint not null,
    to_unit      bigint not null,
    reason       text not null,
    status       text not null default 'PENDING' check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED')),
    requested_by text not null,
    requested_at timestamptz not null default now(),
    decided_by   text,
    decided_at   timestamptz,
    comment      text
);
-- At most one open transfer per person.
create unique index people_transfer_pending on people_transfer (person_id) where status = 'PENDING';
create index people_transfer_to on people_transfer (to_unit, id);
create index people_transfer_from on people_transfer (from_unit, id);
