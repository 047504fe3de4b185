-- A member import is named in URLs (its error report) and paged by a random public id and its time, not by its
-- sequence number, which told anyone how many imports the whole system had run.
alter table org_member_import add column public_id uuid not null default gen_random_uuid();
create unique index org_member_import_public_id on org_member_import (public_id);
create index org_member_import_recent on org_member_import (created_at desc, public_id desc);
-- The people import list pages jobs the same way.
create index platform_job_recent on platform_job (kind, created_at desc, public_id desc);
