package org.tongxin.activities.internal;

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
 * Event registrations follow a merge of duplicate persons to the survivor, and go back when the merge is undone
 * ({@link MergeMoves}: the steps; here: which registrations are the same and how they move).
 * <p>
 * Synchronous listeners, in the transaction of the merge: the merge and the move succeed or fail together,
 * and undo finds the moves recorded in {@code act_registration_merge}. The statements are not scoped: the
 * registry has already checked that the caller's scope holds both persons, and a person's registrations for
 * events of other units are still that person's. Nothing is read back to the caller.
 */
@Component
class RegistrationMerges implements MergeMoves.Rows<RegistrationMerges.Held> {

	private static final String AUDIT_TYPE = "activities-registration";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	RegistrationMerges(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	record Held(long id, long event, String status, boolean checkedIn) implements MergeMoves.Held {

		/** Which of two registrations for one event is kept: attendance first, then the stronger status. */
		@Override
		public int weight() {
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
		MergeMoves.follow(event, this, audit, AUDIT_TYPE);
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
		MergeMoves.undone(event, back, restored, audit, AUDIT_TYPE);
	}

	@Override
	public List<Held> heldBy(long person) {
		return jdbc.sql("""
				select id, event_id, status, checked_in_at is not null as checked_in from act_registration
				where person_id = ? order by id for update""")
			.param(person)
			.query(RegistrationMerges::held)
			.list();
	}

	/** One registration per person and event (a unique key): the survivor's, if any, is the conflict. */
	@Override
	public Optional<Held> survivorsSame(long survivor, Held away, long merge) {
		return jdbc.sql("""
				select id, event_id, status, checked_in_at is not null as checked_in from act_registration
				where person_id = ? and event_id = ? for update""")
			.params(survivor, away.event())
			.query(RegistrationMerges::held)
			.optional();
	}

	@Override
	public void move(long merge, long registration, long survivor) {
		jdbc.sql("update act_registration set person_id = ?, updated_at = now() where id = ?")
			.params(survivor, registration)
			.update();
		jdbc.sql("insert into act_registration_merge (merge_id, registration_id, outcome) values (?, ?, 'MOVED')")
			.params(merge, registration)
			.update();
	}

	@Override
	public void remove(long merge, long registration) {
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
