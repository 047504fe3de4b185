-- Job inputs are deleted once their job has ended; a dry run's upload is kept until this time, so that the
-- real import can start from it without a second upload.
alter table platform_job_file add column keep_until timestamptz;
