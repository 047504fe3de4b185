-- Error reports written before ID and mobile numbers were masked hold them in clear: they are dropped.
-- The imports' counts stay; only the downloadable report of those earlier imports is gone.
update org_member_import set report = null where report is not null;
