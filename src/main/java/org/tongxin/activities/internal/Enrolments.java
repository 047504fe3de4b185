package org.tongxin.activities.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.activities.Channel;
import org.tongxin.activities.EventFeedback;
import org.tongxin.activities.EventId;
import org.tongxin.activities.Registration;
import org.tongxin.activities.RegistrationId;
import org.tongxin.activities.RegistrationStatus;
import org.tongxin.people.PersonId;
import org.tongxin.platform.DataScope;

/**
 * Registrations with their attendance and feedback. Reads of a registration go through its event's scope;
 * writes assume the caller holds the event's row lock (see {@link Events#lock}).
 */
@Repository
public class Enrolments {

	private static final String SELECT = """
			select r.*, f.satisfaction, f.gain, f.comment
			  from act_registration r join act_event e on e.id = r.event_id
			  left join act_feedback f on f.registration_id = r.id""";

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

	private final JdbcClient jdbc;

	Enrolments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** 128 random bits in base32 (26 characters): what the QR code of a registration carries. */
	public static String newCode() {
		byte[] bytes = new byte[16];
		RANDOM.nextBytes(bytes);
		StringBuilder code = new StringBuilder(26);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				code.append(BASE32[(buffer >> (bits - 5)) & 31]);
				bits -= 5;
			}
		}
		if (bits > 0) {
			code.append(BASE32[(buffer << (5 - bits)) & 31]);
		}
		return code.toString();
	}

	/** What a scanner or a hand typed: spaces and dashes dropped, letters upper-cased. */
	public static String normalise(String code) {
		return code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
	}

	/** One page in order of registration (keyset on id); {@code after} is the last id of the previous page. */
	public List<Registration> ofEvent(DataScope scope, EventId event, @Nullable Long after, int size) {
		return scope
			.bind(jdbc.sql(SELECT + " where r.event_id = :event and " + scope.restrict("e.unit_id") + """
					 and (cast(:after as bigint) is null or r.id > :after)
					 order by r.id limit :size"""))
			.param("event", event.value())
			.param("after", after)
			.param("size", size)
			.query(Enrolments::map)
			.list();
	}

	/**
	 * The door's list: confirmed registrations of an event of the scope, in order of registration (keyset on id).
	 * {@code persons}: the registry's matches for the search box, already resolved in the caller's scope; null
	 * for no search.
	 */
	public List<Registration> forCheckIn(DataScope scope, EventId event, @Nullable List<Long> persons,
			@Nullable Long after, int size) {
		return scope
			.bind(jdbc.sql(SELECT + " where r.event_id = :event and " + scope.restrict("e.unit_id") + """
					 and r.status = 'REGISTERED'
					 and (cast(:persons as bigint[]) is null or r.person_id = any(cast(:persons as bigint[])))
					 and (cast(:after as bigint) is null or r.id > :after)
					 order by r.id limit :size"""))
			.param("event", event.value())
			// An array literal of numbers: a bound Long[] would be expanded into a list of parameters.
			.param("persons", persons == null ? null
					: "{" + String.join(",", persons.stream().map(String::valueOf).toList()) + "}")
			.param("after", after)
			.param("size", size)
			.query(Enrolments::map)
			.list();
	}

	public List<Registration> ofPerson(DataScope scope, PersonId person) {
		return scope
			.bind(jdbc.sql(SELECT + " where r.person_id = :person and " + scope.restrict("e.unit_id")
					+ " order by e.starts_at desc, r.id desc"))
			.param("person", person.value())
			.query(Enrolments::map)
			.list();
	}

	public Optional<Registration> find(DataScope scope, RegistrationId id) {
		return scope.bind(jdbc.sql(SELECT + " where r.id = :id and " + scope.restrict("e.unit_id")))
			.param("id", id.value())
			.query(Enrolments::map)
			.optional();
	}

	/** By code, whatever the event and scope: the caller decides what it may tell about another event. */
	public Optional<Registration> byCode(String code) {
		return jdbc.sql(SELECT + " where r.code = :code").param("code", code).query(Enrolments::map).optional();
	}

	public Optional<Registration> of(EventId event, PersonId person) {
		return jdbc.sql(SELECT + " where r.event_id = :event and r.person_id = :person")
			.param("event", event.value())
			.param("person", person.value())
			.query(Enrolments::map)
			.optional();
	}

	public long registered(EventId event) {
		return jdbc.sql("select count(*) from act_registration where event_id = ? and status = 'REGISTERED'")
			.param(event.value())
			.query(Long.class)
			.single();
	}

	public RegistrationId insert(EventId event, PersonId person, RegistrationStatus status, Channel channel,
			@Nullable Instant checkedInAt, @Nullable String checkedInBy) {
		return new RegistrationId(jdbc.sql("""
				insert into act_registration (event_id, person_id, status, channel, code, checked_in_at, checked_in_by)
				values (?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(event.value(), person.value(), status.name(), channel.name(), newCode(),
					checkedInAt == null ? null : Timestamp.from(checkedInAt), checkedInBy)
			.query(Long.class)
			.single());
	}

	/** For demo data: a registration as it happened, at the times given. */
	public RegistrationId insertAt(EventId event, PersonId person, RegistrationStatus status, Instant registeredAt,
			@Nullable Instant checkedInAt, @Nullable BigDecimal hours) {
		return new RegistrationId(jdbc.sql("""
				insert into act_registration (event_id, person_id, status, channel, code, registered_at, checked_in_at,
				                              checked_in_by, volunteer_hours)
				values (?, ?, ?, 'STAFF', ?, ?, ?, ?, ?) returning id""")
			.params(event.value(), person.value(), status.name(), newCode(), Timestamp.from(registeredAt),
					checkedInAt == null ? null : Timestamp.from(checkedInAt), checkedInAt == null ? null : "system",
					hours)
			.query(Long.class)
			.single());
	}

	/** A cancelled registration taken up again: a new place in the queue and a new code. */
	public void reopen(RegistrationId id, RegistrationStatus status, Channel channel) {
		jdbc.sql("""
				update act_registration set status = ?, channel = ?, code = ?, registered_at = clock_timestamp(),
				       cancelled_at = null, checked_in_at = null, checked_in_by = null, updated_at = now()
				 where id = ?""")
			.params(status.name(), channel.name(), newCode(), id.value())
			.update();
	}

	public void status(RegistrationId id, RegistrationStatus status) {
		jdbc.sql("""
				update act_registration set status = ?, updated_at = now(),
				       cancelled_at = case when ? = 'CANCELLED' then now() else null end
				 where id = ?""")
			.params(status.name(), status.name(), id.value())
			.update();
	}

	/** Up to {@code limit} of the waiting list, in queue order: time of registration, then id. */
	public List<RegistrationId> waiting(EventId event, int limit) {
		return jdbc.sql("""
				select id from act_registration where event_id = ? and status = 'WAITLISTED'
				 order by registered_at, id limit ?""")
			.params(event.value(), limit)
			.query((rs, n) -> new RegistrationId(rs.getLong(1)))
			.list();
	}

	/**
	 * How many gave feedback on an event of the caller's scope, with the average 满意度 and 获得感 rounded to
	 * two places (null when nobody did): one aggregate query, not a walk over every registration.
	 */
	public EventFeedback feedback(DataScope scope, EventId event) {
		return scope
			.bind(jdbc.sql("""
					select count(f.registration_id) as feedbacks, round(avg(f.satisfaction), 2) as satisfaction,
					       round(avg(f.gain), 2) as gain
					  from act_registration r join act_event e on e.id = r.event_id
					  join act_feedback f on f.registration_id = r.id
					 where r.event_id = :event""" + " and " + scope.restrict("e.unit_id")))
			.param("event", event.value())
			.query((rs, n) -> new EventFeedback(rs.getLong("feedbacks"), rs.getBigDecimal("satisfaction"),
					rs.getBigDecimal("gain")))
			.single();
	}

	/** Only the first check-in counts: false when the registration was checked in already. */
	public boolean checkIn(RegistrationId id, Instant at, String by) {
		return jdbc.sql("""
				update act_registration set checked_in_at = ?, checked_in_by = ?, updated_at = now()
				 where id = ? and checked_in_at is null""")
			.params(Timestamp.from(at), by, id.value())
			.update() == 1;
	}

	/**
	 * Takes a check-in back if it was made at or after {@code since} and nothing hangs on the attendance yet
	 * (volunteer hours, feedback); false otherwise.
	 */
	public boolean undoCheckIn(RegistrationId id, Instant since) {
		return jdbc.sql("""
				update act_registration r set checked_in_at = null, checked_in_by = null, updated_at = now()
				 where r.id = ? and r.checked_in_at >= ? and r.volunteer_hours is null
				   and not exists (select 1 from act_feedback f where f.registration_id = r.id)""")
			.params(id.value(), Timestamp.from(since))
			.update() == 1;
	}

	public void volunteerHours(RegistrationId id, @Nullable BigDecimal hours) {
		jdbc.sql("update act_registration set volunteer_hours = ?, updated_at = now() where id = ?")
			.params(hours, id.value())
			.update();
	}

	public void feedback(RegistrationId id, int satisfaction, int gain, @Nullable String comment, String by) {
		jdbc.sql("""
				insert into act_feedback (registration_id, satisfaction, gain, comment, given_by)
				values (?, ?, ?, ?, ?)
				on conflict (registration_id) do update
				   set satisfaction = excluded.satisfaction, gain = excluded.gain, comment = excluded.comment,
				       given_by = excluded.given_by, given_at = now()""")
			.params(id.value(), satisfaction, gain, comment, by)
			.update();
	}

	private static Registration map(ResultSet rs, int row) throws SQLException {
		Timestamp checkedIn = rs.getTimestamp("checked_in_at");
		return new Registration(new RegistrationId(rs.getLong("id")), new EventId(rs.getLong("event_id")),
				new PersonId(rs.getLong("person_id")), RegistrationStatus.valueOf(rs.getString("status")),
				Channel.valueOf(rs.getString("channel")), rs.getString("code"),
				rs.getTimestamp("registered_at").toInstant(), checkedIn == null ? null : checkedIn.toInstant(),
				rs.getBigDecimal("volunteer_hours"), rs.getObject("satisfaction", Integer.class),
				rs.getObject("gain", Integer.class), rs.getString("comment"));
	}

	/**
	 * Erases what the person wrote in feedback, on their registrations and on the copies a merge of
	 * duplicates keeps for its undo; the scores stay for the figures. Returns the registrations touched.
	 */
	public List<Long> eraseFeedbackComments(PersonId person) {
		List<Long> touched = jdbc.sql("""
				update act_feedback f set comment = null
				  from act_registration r
				 where r.id = f.registration_id and r.person_id = ? and f.comment is not null
				returning f.registration_id""")
			.param(person.value())
			.query(Long.class)
			.list();
		jdbc.sql("""
				update act_registration_merge
				   set removed_feedback = removed_feedback - 'comment'
				 where removed_feedback is not null
				   and (removed_row ->> 'person_id')::bigint = ?""")
			.param(person.value())
			.update();
		return touched;
	}

}
