package org.tongxin.activities.internal;

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
 * Event registrations follow a merge of duplicate persons to the survivor, and go back when the merge is undone.
 * <p>
 * Synchronous listeners, in the transaction of the merge: the merge and the move succeed or fail together,
 * and undo finds the moves recorded in {@code act_registration_merge}. The statements are not scoped: the
 * registry has already checked that the caller's scope holds both persons, and a person's registrations for
 * events of other units are still that person's. Nothing is read back to the caller.
 */
@Component
class RegistrationMerges {

	private static final String AUDIT_TYPE = "activities-registration";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	RegistrationMerges(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	private record Held(long id, long event, String status, boolean checkedIn) {

		/** Which of two registrations for one event is kept: attendance first, then the stronger status. */
		int weight() {
			int status = switch (this.status) {
				case "REGISTERED" -> 2;
				case "WAITLISTED" -> 1;
				default -> 0;
			};
			return (checkedIn ? 10 : 0) + status;
		}
	}

	@EventListener
	void merged(PersonsMerged event) {
		long survivor = event.survivor().value();
		List<Long> moved = new ArrayList<>();
		List<Long> removed = new ArrayList<>();
		for (Held away : held(event.mergedAway().value())) {
			// One registration per person and event (a unique key): the survivor's, if any, is the conflict.
			Optional<Held> same = jdbc.sql("""
					select id, event_id, status, checked_in_at is not null as checked_in from act_registration
					where person_id = ? and event_id = ? for update""")
				.params(survivor, away.event())
				.query(RegistrationMerges::held)
				.optional();
			if (same.isPresent() && away.weight() > same.get().weight()) {
				remove(event.merge(), same.get().id());
				removed.add(same.get().id());
				same = Optional.empty();
			}
			if (same.isEmpty()) {
				jdbc.sql("update act_registration set person_id = ?, updated_at = now() where id = ?")
					.params(survivor, away.id())
					.update();
				jdbc.sql("insert into act_registration_merge (merge_id, registration_id, outcome) values (?, ?, 'MOVED')")
					.params(event.merge(), away.id())
					.update();
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
			// Both persons were registered for the same event: one is kept, these were the duplicates (restored by undo).
			detail.put("removedAsDuplicate", removed);
			audit.record(AuditLog.Action.UPDATE, AUDIT_TYPE, null, detail, "person merge");
		}
	}

	@EventListener
	void undone(MergeUndone event) {
		int back = jdbc.sql("""
				update act_registration r set person_id = :away, updated_at = now()
				  from act_registration_merge x
				 where x.merge_id = :merge and x.outcome = 'MOVED' and x.registration_id = r.id""")
			.param("away", event.mergedAway().value())
			.param("merge", event.merge())
			.update();
		int restored = jdbc.sql("""
				insert into act_registration
				select r.* from act_registration_merge x, jsonb_populate_record(null::act_registration, x.removed_row) r
				 where x.merge_id = ? and x.outcome = 'REMOVED'""")
			.param(event.merge())
			.update();
		jdbc.sql("""
				insert into act_feedback
				select f.* from act_registration_merge x, jsonb_populate_record(null::act_feedback, x.removed_feedback) f
				 where x.merge_id = ? and x.outcome = 'REMOVED' and x.removed_feedback is not null""")
			.param(event.merge())
			.update();
		jdbc.sql("delete from act_registration_merge where merge_id = ?").param(event.merge()).update();
		if (back + restored > 0) {
			audit.record(AuditLog.Action.UPDATE, AUDIT_TYPE, null,
					Map.of("merge", event.merge(), "movedBack", back, "restored", restored), "person merge undone");
		}
	}

	private List<Held> held(long person) {
		return jdbc.sql("""
				select id, event_id, status, checked_in_at is not null as checked_in from act_registration
				where person_id = ? order by id for update""")
			.param(person)
			.query(RegistrationMerges::held)
			.list();
	}

	private void remove(long merge, long registration) {
		jdbc.sql("""
				insert into act_registration_merge (merge_id, registration_id, outcome, removed_row, removed_feedback)
				select ?, r.id, 'REMOVED', to_jsonb(r), (select to_jsonb(f) from act_feedback f where f.registration_id = r.id)
				  from act_registration r where r.id = ?""")
			.params(merge, registration)
			.update();
		jdbc.sql("delete from act_feedback where registration_id = ?").param(registration).update();
		jdbc.sql("delete from act_registration where id = ?").param(registration).update();
	}

	private static Held held(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Held(rs.getLong("id"), rs.getLong("event_id"), rs.getString("status"), rs.getBoolean("checked_in"));
	}
}
