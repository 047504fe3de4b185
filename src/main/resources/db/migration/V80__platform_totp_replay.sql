-- The last TOTP time step accepted for an account: a code is good for one sign-in only, not for all
-- of its 90-second window (RFC 6238 §5.2).
alter table platform_account add column totp_last_step bigint;
