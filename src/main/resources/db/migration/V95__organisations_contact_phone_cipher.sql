-- Organisation contact phones are personal data (the contact person's number): stored encrypted (AES-GCM,
-- key outside the database) with a keyed lookup hash, shown masked, revealed one at a time with a reason
-- by holders of organisations:reveal (audited), like the registry's phones.
-- The plaintext column is encrypted in place by the Java migration 95.1 (it needs the key, which Flyway's
-- SQL cannot reach) and dropped by 95.2.
alter table org_organisation add column contact_phone_cipher bytea;
alter table org_organisation add column contact_phone_hash bytea;

create index org_organisation_contact_phone_hash on org_organisation (contact_phone_hash)
    where contact_phone_hash is not null;

insert into platform_role_permission (role, permission) values ('CENTRAL_OFFICE', 'organisations:reveal');
