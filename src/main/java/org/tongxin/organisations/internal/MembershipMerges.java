package org.tongxin.organisations.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongxin.people.MergeUndone;
import org.tongxin.people.PersonsMerged;
import org.tongxin.platform.AuditLog;

/**
 * Memberships follow a merge of duplicate persons to the survivor, and go back when the merge is undone.
 * <p>
 * Synchronous listeners, in the transaction of the merge: the merge and the move succeed or fail together,
 * and undo, which runs after the merge committed, finds the moves recorded in {@code org_membership_merge}.
 * The statements are not scoped: the registry has already checked that the caller's scope holds both persons,
 * and a person's memberships in organisations outside that scope are still that person's, so they move too.
 * Nothing is read back to the caller.
 */
@Component
class MembershipMerges {

	private static final String AUDIT_TYPE = "organisation-membership";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	MembershipMerges(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	private record Held(long id, long organisation, String role, int term, String status) {

		/** Which of two equal memberships is kept: the one that means more, ACTIVE first. */
		int weight() {
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
		long survivor = event.survivor().value();
		List<Long> moved = new ArrayList<>();
		List<Long> removed = new ArrayList<>();
		for (Held away : held(event.mergedAway().value())) {
			Optional<Held> same = jdbc.sql("""
					select id, organisation_id, role, term_no, status from org_membership
					where person_id = ? and organisation_id = ? and role = ? and term_no = ?
					  and id not in (select membership_id from org_membership_merge where merge_id = ?)
					order by id limit 1 for update""")
				.params(survivor, away.organisation(), away.role(), away.term(), event.merge())
				.query(MembershipMerges::held)
				.optional();
			if (same.isEmpty()) {
				move(event.merge(), away.id(), survivor);
				moved.add(away.id());
			}
			else if (away.weight() > same.get().weight()) {
				remove(event.merge(), same.get().id());
				removed.add(same.get().id());
				move(event.merge(), away.id(), survivor);
				moved.add(away.id());
			}
			else {
				remove(event.merge(), away.id());
				removed.add(away.id());
			}
		}
		if (!moved.isEmpty() || !removed.isEmpty()) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("merge", event.merge());
			detail.put("survivor", survivor);
			detail.put("mergedAway", event.mergedAway().value());
			detail.put("moved", moved);
			// Both persons held the same membership: one is kept, these were the duplicates (restored by undo).
			detail.put("removedAsDuplicate", removed);
			audit.record(AuditLog.Action.UPDATE, AUDIT_TYPE, null, detail, "person merge");
		}
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
		if (back + restored > 0) {
			audit.record(AuditLog.Action.UPDATE, AUDIT_TYPE, null,
					Map.of("merge", event.merge(), "movedBack", back, "restored", restored), "person merge undone");
		}
	}

	private List<Held> held(long person) {
		return jdbc.sql("""
				select id, organisation_id, role, term_no, status from org_membership where person_id = ?
				order by id for update""")
			.param(person)
			.query(MembershipMerges::held)
			.list();
	}

	private void move(long merge, long membership, long survivor) {
		jdbc.sql("update org_membership set person_id = ?, updated_at = now(), version = version + 1 where id = ?")
			.params(survivor, membership)
			.update();
		jdbc.sql("insert into org_membership_merge (merge_id, membership_id, outcome) values (?, ?, 'MOVED')")
			.params(merge, membership)
			.update();
	}

	private void remove(long merge, long membership) {
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
