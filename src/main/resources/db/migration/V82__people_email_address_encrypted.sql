-- Email and address are personal information too (PIPL art. 4): stored encrypted (AES-GCM, platform.crypto),
-- like the phone. The key lives outside the database, so SQL cannot encrypt: PersonFieldEncryption encrypts
-- the remaining plaintext values at startup, in batches, and empties the plaintext columns. They stay (always
-- empty from then on) until every deployment has run it; see docs/decisions/0005.
alter table people_person add column email_cipher bytea;
alter table people_person add column address_cipher bytea;
