-- Member imports run as background jobs: an import row is written by its job, in the job's transaction, and
-- names it, so that a job run again after a crash finds the import it already committed.
alter table org_member_import add column job_id bigint unique references platform_job (id);
