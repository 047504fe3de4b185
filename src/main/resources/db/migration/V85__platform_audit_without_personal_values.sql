-- Audit entries without personal values, and a keyed chain (docs/decisions/0006).
--
-- 1. Each entry records the algorithm that computed its hash. Entries written so far were hashed with
--    plain SHA-256 ('SHA256'); from now on the application writes HMAC-SHA256 or HMAC-SM3 under a key
--    that is not in the database. New rows must say which (no default).
--    (A column default fills the existing rows without an UPDATE, which the append-only trigger refuses.)
alter table platform_audit_log add column chain_alg text not null default 'SHA256';
alter table platform_audit_log alter column chain_alg drop default;

-- 2. Entries whose personal values were removed after they were written. Their stored hash can no longer
--    be recomputed from their content; the application seals each redacted entry with a MAC under the
--    audit key (over its redacted content and its original hash) when it writes its first keyed entry,
--    and the verifier accepts a redacted entry only with a valid seal. Only unkeyed entries can be redacted:
--    keyed entries never held personal values.
create table platform_audit_redaction (
    entry_id    bigint primary key references platform_audit_log (id) on delete cascade,
    redacted_at timestamptz not null default now(),
    seal_alg    text,
    seal        char(64)
);

-- The append-only guard lets exactly one kind of update through: the redaction below, announced by a
-- transaction-local setting, of an unkeyed entry's detail, and nothing else of the row.
create or replace function platform_audit_log_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        if coalesce(current_setting('tongxin.audit_redaction', true), '') = 'on'
           and old.chain_alg = 'SHA256' and new.chain_alg = 'SHA256'
           and (old.id, old.at, old.actor, old.actor_unit, old.action, old.object_type, old.object_id,
                old.reason, old.ip, old.prev_hash, old.hash)
               is not distinct from
               (new.id, new.at, new.actor, new.actor_unit, new.action, new.object_type, new.object_id,
                new.reason, new.ip, new.prev_hash, new.hash) then
            return new;
        end if;
        raise exception 'platform_audit_log is append-only';
    end if;
    if coalesce(current_setting('tongxin.audit_retention', true), '') <> 'on'
       or old.at > now() - interval '180 days' then
        raise exception 'audit entries can only be removed by the retention job after 180 days';
    end if;
    return old;
end $$;

-- The changes between two snapshots as the application now records them: changed field names only,
-- with {"old": …, "new": …} for fields whose values may be kept and "changed" for the others.
-- keep: the fields whose values may be kept (null: all but hide); hide: fields never shown.
create function platform_audit_changes(before jsonb, after jsonb, keep text[], hide text[]) returns jsonb
language sql immutable as $$
    select coalesce(jsonb_object_agg(k,
               case when (keep is not null and not (k = any (keep))) or k = any (hide) then to_jsonb('changed'::text)
                    else jsonb_strip_nulls(jsonb_build_object('old', s.b -> k, 'new', s.a -> k)) end order by k), '{}'::jsonb)
    -- A JSON null is no value: a field null before and after has not changed.
    from (select coalesce(jsonb_strip_nulls(case when jsonb_typeof(before) = 'object' then before end), '{}'::jsonb) as b,
                 coalesce(jsonb_strip_nulls(case when jsonb_typeof(after) = 'object' then after end), '{}'::jsonb) as a) s,
         lateral (select jsonb_object_keys(s.b) union select jsonb_object_keys(s.a)) ks(k)
    where (s.b -> k) is distinct from (s.a -> k)
$$;

-- Removes the personal values from unkeyed entries that still hold them and records each as redacted.
-- A function rather than a one-off statement so that the test of this migration runs the same code.
create function platform_audit_redact_personal() returns integer language plpgsql as $$
declare
    -- What the registry's person may show in the log: everything else of a person is "changed".
    person_keep constant text[] := array['id', 'unit', 'place', 'regionCode', 'group', 'subgroup', 'sector',
        'education', 'religionRecorded', 'legalBasis', 'consentState', 'createdAt', 'updatedAt', 'version',
        'anonymisedAt'];
    e record;
    d jsonb;
    redacted jsonb;
    n integer := 0;
begin
    perform set_config('tongxin.audit_redaction', 'on', true);
    for e in select l.id, l.object_type, l.detail from platform_audit_log l
             where l.chain_alg = 'SHA256' and l.detail like '{%'
               and l.object_type in ('person', 'person-platform-account', 'person-transfer', 'organisation')
               and not exists (select 1 from platform_audit_redaction r where r.entry_id = l.id)
             order by l.id loop
        d := e.detail::jsonb;
        redacted := case e.object_type
            -- Created, updated, anonymised, merged, merge undone: the field names of the change, ids of the others.
            when 'person' then
                (d - 'before' - 'after' - 'merged' - 'restored')
                || case when d ? 'before' or d ? 'after'
                        then jsonb_build_object('changes', platform_audit_changes(d -> 'before', d -> 'after', person_keep, null))
                        else '{}'::jsonb end
                || case when d ? 'merged' then jsonb_build_object('merged', d -> 'merged' -> 'id') else '{}'::jsonb end
                || case when d ? 'restored' then jsonb_build_object('restored', d -> 'restored' -> 'id') else '{}'::jsonb end
            -- The handle on a new-media platform names the person.
            when 'person-platform-account' then
                case when d ? 'handle' then d || '{"handle": "changed"}'::jsonb else d end
            -- Free text of a transfer (reason, comment) may name the person.
            when 'person-transfer' then
                (select coalesce(jsonb_object_agg(k, case when k in ('reason', 'comment') and jsonb_typeof(v) = 'string'
                                                            then to_jsonb('changed'::text) else v end), '{}'::jsonb)
                 from jsonb_each(d - 'before' - 'after') t(k, v))
                || case when d ? 'before' or d ? 'after'
                        then jsonb_build_object('changes', platform_audit_changes(d -> 'before', d -> 'after', null,
                                                           array['reason', 'comment']))
                        else '{}'::jsonb end
            -- An organisation's contact person and phone.
            when 'organisation' then
                (d - 'before' - 'after')
                || case when d ? 'before' or d ? 'after'
                        then jsonb_build_object('changes', platform_audit_changes(d -> 'before', d -> 'after', null,
                                                           array['contactName', 'contactPhone', 'contactPhoneMasked']))
                        else '{}'::jsonb end
        end;
        if redacted is distinct from d then
            update platform_audit_log set detail = redacted::text where id = e.id;
            insert into platform_audit_redaction (entry_id) values (e.id);
            n := n + 1;
        end if;
    end loop;
    return n;
end $$;

select platform_audit_redact_personal();
