-- One holder at a time for the single-holder roles (会长 PRESIDENT, 秘书长 SECRETARY_GENERAL).
--
-- Before this, 换届 closed only positions without a planned end (term_end is null), so an office-holder whose
-- term had a planned end stayed in office beside the new one. First put the data right, deterministically,
-- then let the database refuse a second holder.

-- 1. A position of an earlier term still running when the next term began ends the day before that term's
--    first start, as 换届 would have ended it. Rows that began after that day are left to step 2.
with next_start as (
    select organisation_id, term_no - 1 as term_no, min(term_start) as starts
    from org_membership
    where term_start is not null
    group by organisation_id, term_no
)
update org_membership m
   set term_end = n.starts - 1, updated_at = now(), version = m.version + 1
  from next_start n, org_organisation o
 where n.organisation_id = m.organisation_id and n.term_no = m.term_no
   and o.id = m.organisation_id and m.term_no < o.current_term
   and m.role <> 'MEMBER' and m.status <> 'LEFT'
   and (m.term_end is null or m.term_end > n.starts - 1)
   and (m.term_start is null or m.term_start <= n.starts - 1);

-- 2. Of several active holders of one single-holder role in the same term, the one who took office last
--    (latest term_start, then the newest row) stays; the others leave, on the day their term ended or today.
with ranked as (
    select id, row_number() over (partition by organisation_id, role, term_no
                                  order by term_start desc nulls last, id desc) as rank
    from org_membership
    where role in ('PRESIDENT', 'SECRETARY_GENERAL') and status = 'ACTIVE'
)
update org_membership m
   set status = 'LEFT', term_end = coalesce(m.term_end, greatest(m.term_start, current_date)),
       updated_at = now(), version = m.version + 1
  from ranked r
 where r.id = m.id and r.rank > 1;

-- The name is matched by Memberships to answer a refused write with a readable message.
create unique index org_membership_single_holder on org_membership (organisation_id, role, term_no)
    where role in ('PRESIDENT', 'SECRETARY_GENERAL') and status = 'ACTIVE';
