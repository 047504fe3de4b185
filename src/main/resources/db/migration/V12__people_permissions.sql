-- Exporting the registry and maintaining its code lists are permissions of their own.
insert into platform_role_permission (role, permission) values
    ('CENTRAL_OFFICE', 'people:export'),
    ('CENTRAL_OFFICE', 'people:dictionary'),
    ('STAFF', 'people:export');
