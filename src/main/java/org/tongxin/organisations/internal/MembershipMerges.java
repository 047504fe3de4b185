package org.tongxin.organisations.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongxin.people.MergeMoves;
import org.tongxin.people.MergeUndone;
import org.tongxin.people.PersonsMerged;
import org.tongxin.platform.AuditLog;

/**
 * Memberships follow a merge of duplicate persons to the survivor, and go back when the merge is undone
 * ({@link MergeMoves}: the steps; here: which memberships are the same and how they move).
 * <p>
 * Synchronous listeners, in the transaction of the merge: the merge and the move succeed or fail together,
 * and undo, which runs after the merge committed, finds the moves recorded in {@code org_membership_merge}.
 * The statements are not scoped: the registry has already checked that the caller's scope holds both persons,
 * and a person's memberships in organisations outside that scope are still that person's, so they move too.
 * Nothing is read back to the caller.
 */
@Component
class MembershipMerges implements MergeMoves.Rows<MembershipMerges.Held> {

	private static final String AUDIT_TYPE = "organisation-membership";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	MembershipMerges(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	record Held(long id, long organisation, String role, int term, String status) implements MergeMoves.Held {

		/** Which of two equal memberships is kept: the one that means more, ACTIVE first. */
		@Override
		public int weight() {
			return switch (status) {
				case "ACTIVE" -> 3;
				case "SUSPENDED" -> 2;
				case "APPLIED" -> 1;
				default -> 0;
			};
		}
	}

	@EventListener
	void merged(PersonsMerged event) {
		MergeMoves.follow(event, this, audit, AUDIT_TYPE);
	}

	@EventListener
	void undone(MergeUndone event) {
		int back = jdbc.sql("""
				update org_membership m set person_id = :away, updated_at = now(), version = m.version + 1
				  from org_membership_merge x
				 where x.merge_id = :merge and x.outcome = 'MOVED' and x.membership_id = m.id""")
			.param("away", event.mergedAway().value())
			.param("merge", event.merge())
			.update();
		int restored = jdbc.sql("""
				insert into org_membership
				select r.* from org_membership_merge x, jsonb_populate_record(null::org_membership, x.removed_row) r
				 where x.merge_id = ? and x.outcome = 'REMOVED'""")
			.param(event.merge())
			.update();
		jdbc.sql("delete from org_membership_merge where merge_id = ?").param(event.merge()).update();
		MergeMoves.undone(event, back, restored, audit, AUDIT_TYPE);
	}

	@Override
	public List<Held> heldBy(long person) {
		return jdbc.sql("""
				select id, organisation_id, role, term_no, status from org_membership where person_id = ?
				order by id for update""")
			.param(person)
			.query(MembershipMerges::held)
			.list();
	}

	/** The same organisation, role and term; not one this merge has moved to the survivor already. */
	@Override
	public Optional<Held> survivorsSame(long survivor, Held away, long merge) {
		return jdbc.sql("""
				select id, organisation_id, role, term_no, status from org_membership
				where person_id = ? and organisation_id = ? and role = ? and term_no = ?
				  and id not in (select membership_id from org_membership_merge where merge_id = ?)
				order by id limit 1 for update""")
			.params(survivor, away.organisation(), away.role(), away.term(), merge)
			.query(MembershipMerges::held)
			.optional();
	}

	@Override
	public void move(long merge, long membership, long survivor) {
		jdbc.sql("update org_membership set person_id = ?, updated_at = now(), version = version + 1 where id = ?")
			.params(survivor, membership)
			.update();
		jdbc.sql("insert into org_membership_merge (merge_id, membership_id, outcome) values (?, ?, 'MOVED')")
			.params(merge, membership)
			.update();
	}

	@Override
	public void remove(long merge, long membership) {
		jdbc.sql("""
				insert into org_membership_merge (merge_id, membership_id, outcome, removed_row)
				select ?, m.id, 'REMOVED', to_jsonb(m) from org_membership m where m.id = ?""")
			.params(merge, membership)
			.update();
		jdbc.sql("delete from org_membership where id = ?").param(membership).update();
	}

	private static Held held(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Held(rs.getLong("id"), rs.getLong("organisation_id"), rs.getString("role"), rs.getInt("term_no"),
				rs.getString("status"));
	}
}
