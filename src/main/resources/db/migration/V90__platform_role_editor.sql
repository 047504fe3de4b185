-- Roles become editable by the security administrator: built-in roles stay read-only templates, custom
-- roles carry their own zh/en names. Two further built-in roles let city and district staff reveal
-- sensitive values (people:reveal), which until now only the central office could.
alter table platform_role add column builtin boolean not null default true;
alter table platform_role add column name_zh text;
alter table platform_role add column name_en text;
alter table platform_role add constraint platform_role_custom_named
    check (builtin or (name_zh is not null and name_en is not null));
create sequence platform_role_custom_seq;

insert into platform_role (code, sort) values
    ('CITY_STAFF_REVEAL', 52),
    ('DISTRICT_STAFF_REVEAL', 54);

insert into platform_role_permission (role, permission)
select r.code, p.permission
from (values ('CITY_STAFF_REVEAL'), ('DISTRICT_STAFF_REVEAL')) as r (code)
cross join (select permission from platform_role_permission where role = 'STAFF'
            union select 'people:reveal') as p;
