-- Roles and their named permissions. The three administrators (三员) are separated:
-- none of them holds a permission on programme or people data.
insert into platform_role (code, sort) values
    ('SYSTEM_ADMIN', 10),
    ('SECURITY_ADMIN', 20),
    ('AUDIT_ADMIN', 30),
    ('CENTRAL_OFFICE', 40),
    ('STAFF', 50),
    ('REVIEWER', 60);

insert into platform_role_permission (role, permission) values
    ('SYSTEM_ADMIN', 'system:settings'),
    ('SYSTEM_ADMIN', 'system:units'),
    ('SECURITY_ADMIN', 'account:manage'),
    ('AUDIT_ADMIN', 'audit:read'),
    ('AUDIT_ADMIN', 'audit:verify'),
    ('CENTRAL_OFFICE', 'programme:read'),
    ('CENTRAL_OFFICE', 'programme:write'),
    ('CENTRAL_OFFICE', 'people:read'),
    ('CENTRAL_OFFICE', 'people:reveal'),
    ('CENTRAL_OFFICE', 'people:write'),
    ('STAFF', 'programme:read'),
    ('STAFF', 'programme:write'),
    ('STAFF', 'people:read'),
    ('STAFF', 'people:write'),
    ('REVIEWER', 'programme:read'),
    ('REVIEWER', 'review:score');
