-- Jobs are named in URLs by a random public id (122 random bits from PostgreSQL's strong random source);
-- the numeric id stays inside the application, so job ids cannot be counted or guessed.
alter table platform_job add column public_id uuid not null default gen_random_uuid();
create unique index platform_job_public_id on platform_job (public_id);
