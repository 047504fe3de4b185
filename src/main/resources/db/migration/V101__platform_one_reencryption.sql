-- Only one re-encryption job queued or running at a time (issue 9, item 24): the crypto screen refuses a
-- second start, and this index holds when two administrators press the button at the same moment.
create unique index platform_job_one_reencryption on platform_job (kind)
    where kind = 'crypto-reencrypt' and status in ('QUEUED', 'RUNNING');
