-- platform: a job that failed and goes back to the queue waits before its next attempt (10 s, 1 min, 5 min),
-- instead of running again at once against whatever made it fail (a database restarting, a full disk).
alter table platform_job add column not_before timestamptz;
