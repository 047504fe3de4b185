-- Member imports: one row per uploaded file with its counts and the error report (.xlsx) to download.
create table org_member_import (
    id               bigserial primary key,
    organisation_id  bigint not null references org_organisation (id),
    file_name        text not null,
    created_by       text not null,
    created_at       timestamptz not null default now(),
    rows_read        int not null,
    inserted         int not null,
    created_persons  int not null,
    blank_rows       int not null,
    errors           int not null,
    report           bytea
);

create index org_member_import_organisation on org_member_import (organisation_id, id);
