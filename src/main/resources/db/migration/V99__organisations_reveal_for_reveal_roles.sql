-- The city and district roles that may reveal (V90) were made before organisations' contact phones were
-- encrypted (V95): they reveal those too, like the central office.
insert into platform_role_permission (role, permission)
select code, 'organisations:reveal' from platform_role where code in ('CITY_STAFF_REVEAL', 'DISTRICT_STAFF_REVEAL')
on conflict do nothing;
