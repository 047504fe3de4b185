package org.tongxin.activities.internal;

import static org.tongxin.platform.Texts.blankToNull;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.activities.Audience;
import org.tongxin.activities.Event;
import org.tongxin.activities.EventFilter;
import org.tongxin.activities.EventForm;
import org.tongxin.activities.EventId;
import org.tongxin.activities.EventKind;
import org.tongxin.activities.SeriesId;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.SortOrder;
import org.tongxin.platform.LikePatterns;
import org.tongxin.platform.UnitId;
import org.tongxin.programme.SiteId;

/** Events, always read within the caller's scope on the event's owning unit. */
@Repository
public class Events {

	private static final String SELECT = """
			select e.*, u.name as unit_name, s.name as series_name,
			       (select count(*) from act_registration r where r.event_id = e.id and r.status = 'REGISTERED') as registered,
			       (select count(*) from act_registration r where r.event_id = e.id and r.status = 'WAITLISTED') as waitlisted,
			       (select count(*) from act_registration r where r.event_id = e.id and r.status = 'REGISTERED'
			                                                  and r.checked_in_at is not null) as checked_in
			  from act_event e join platform_unit u on u.id = e.unit_id
			  -- Unscoped on purpose: an event may belong to a series of a unit above (a city's brand), whose name shows.
			  left join act_series s on s.id = e.series_id""";

	private static final String WHERE = """
			 and (cast(:text as text) is null or e.title like :pattern or e.address like :pattern)
			 and (cast(:series as bigint) is null or e.series_id = :series)
			 and (cast(:kind as text) is null or e.kind = :kind)
			 and (cast(:from as timestamptz) is null or e.ends_at >= :from)
			 and (cast(:to as timestamptz) is null or e.starts_at < :to)
			 and (cast(:org as bigint) is null or e.organiser_ids @> array[cast(:org as bigint)])""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Events(JdbcClient jdbc, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
	}

	/** Newest start first, keyset on (starts_at, id); {@code before} is the last event of the previous page. */
	/** The columns a user may sort the list by (fragments/sort.html), on the event's own row. */
	public static final Map<String, String> SORTS = Map.of("title", "e.title", "time", "e.starts_at", "kind", "e.kind");

	/** One page: latest first, or in the order the user chose ({@link SortOrder}), sorted within the scope. */
	public List<Event> page(DataScope scope, EventFilter filter, @Nullable SortOrder sort, @Nullable Event before,
			int size) {
		if (sort != null) {
			String expression = Objects.requireNonNull(SORTS.get(sort.key()));
			return filtered(scope, filter, SELECT, (before == null ? "" : " and "
					+ sort.continuing(expression, "e.id", "act_event", "beforeId",
							scope.restrict("e.unit_id"))) + " order by "
					+ sort.orderBy(expression, "e.id") + " limit :size")
				.param("beforeId", before == null ? 0L : before.id().value())
				.param("size", size)
				.query(Events::map)
				.list();
		}
		return filtered(scope, filter, SELECT, """
				 and (cast(:beforeAt as timestamptz) is null or (e.starts_at, e.id) < (:beforeAt, :beforeId))
				 order by %s limit :size""".formatted(scope.listOrder("e.unit_id", "e.starts_at desc, e.id desc")))
			.param("beforeAt", before == null ? null : Timestamp.from(before.startsAt()))
			.param("beforeId", before == null ? 0L : before.id().value())
			.param("size", size)
			.query(Events::map)
			.list();
	}

	/** The count, but at most {@code cap}, read along the scope's index (see OrganisationRecords#countUpTo). */
	public long countUpTo(DataScope scope, EventFilter filter, long cap) {
		String order = scope.depth() == 1 ? "" : " order by " + scope.listOrder("e.unit_id", "e.starts_at desc");
		return filtered(scope, filter, "select count(*) from (select 1 from act_event e", order + " limit :cap) capped")
			.param("cap", cap)
			.query(Long.class)
			.single();
	}

	public Stream<Event> stream(DataScope scope, EventFilter filter) {
		return filtered(scope, filter, SELECT, " order by " + scope.listOrder("e.unit_id", "e.starts_at, e.id")).query(Events::map).stream();
	}

	public List<Event> list(DataScope scope, EventFilter filter) {
		return filtered(scope, filter, SELECT, " order by " + scope.listOrder("e.unit_id", "e.starts_at, e.id")).query(Events::map).list();
	}

	public Optional<Event> find(DataScope scope, EventId id) {
		return scope.bind(jdbc.sql(SELECT + " where e.id = :id and " + scope.restrict("e.unit_id")))
			.param("id", id.value())
			.query(Events::map)
			.optional();
	}

	/**
	 * Locks the event row until the transaction ends, so that registrations, cancellations and walk-ins of
	 * one event run one after the other and the count of places they read stays true.
	 */
	public boolean lock(DataScope scope, EventId id) {
		return scope
			.bind(jdbc.sql("select e.id from act_event e where e.id = :id and " + scope.restrict("e.unit_id")
					+ " for update of e"))
			.param("id", id.value())
			.query(Long.class)
			.optional()
			.isPresent();
	}

	/** Locks the event row without a scope, for callers that checked the scope already or have none (portal). */
	public void lock(EventId id) {
		jdbc.sql("select id from act_event where id = ? for update").param(id.value()).query(Long.class).single();
	}

	/** For demo data: the event with that title starting at that time in that unit. */
	public Optional<EventId> find(UnitId unit, String title, Instant startsAt) {
		return jdbc.sql("select id from act_event where unit_id = ? and title = ? and starts_at = ?")
			.params(unit.value(), title, Timestamp.from(startsAt))
			.query((rs, n) -> new EventId(rs.getLong(1)))
			.optional();
	}

	public EventId insert(UnitId unit, EventForm form) {
		return new EventId(jdbc.sql("""
				insert into act_event (unit_id, series_id, title, kind, organiser_ids, site_id, address, starts_at, ends_at,
				                       capacity, audience, audience_groups, audience_orgs, registration_opens,
				                       registration_closes, description)
				values (:unit, :series, :title, :kind, cast(:organisers as bigint[]), :site, :address, :startsAt, :endsAt,
				        :capacity, :audience, cast(:groups as text[]), cast(:orgs as bigint[]), :opens, :closes, :description)
				returning id""")
			.param("unit", unit.value())
			.params(fields(form))
			.query(Long.class)
			.single());
	}

	public boolean update(EventId id, int version, EventForm form) {
		return jdbc.sql("""
				update act_event
				   set series_id = :series, title = :title, kind = :kind, organiser_ids = cast(:organisers as bigint[]),
				       site_id = :site, address = :address, starts_at = :startsAt, ends_at = :endsAt, capacity = :capacity,
				       audience = :audience, audience_groups = cast(:groups as text[]), audience_orgs = cast(:orgs as bigint[]),
				       registration_opens = :opens, registration_closes = :closes, description = :description,
				       updated_at = now(), version = version + 1
				 where id = :id and version = :version""")
			.param("id", id.value())
			.param("version", version)
			.params(fields(form))
			.update() == 1;
	}

	private JdbcClient.StatementSpec filtered(DataScope scope, EventFilter filter, String select, String tail) {
		return scope.bind(jdbc.sql(select + " where " + scope.restrictList("e.unit_id") + WHERE + tail))
			.param("text", filter.text())
			.param("pattern", LikePatterns.containing(filter.text()))
			.param("series", filter.series())
			.param("kind", filter.kind() == null ? null : filter.kind().name())
			.param("from", filter.from() == null ? null : Timestamp.from(filter.from()))
			.param("to", filter.to() == null ? null : Timestamp.from(filter.to()))
			.param("org", filter.organisation());
	}

	private Map<String, @Nullable Object> fields(EventForm form) {
		Map<String, @Nullable Object> fields = new HashMap<>();
		fields.put("series", form.seriesId());
		fields.put("title", form.title() == null ? null : form.title().strip());
		fields.put("kind", form.kind() == null ? null : form.kind().name());
		fields.put("organisers", form.organisers().stream().distinct().toArray(Long[]::new));
		fields.put("site", form.siteId());
		fields.put("address", blankToNull(form.address()));
		fields.put("startsAt", timestamp(form.startsAt()));
		fields.put("endsAt", timestamp(form.endsAt()));
		fields.put("capacity", form.capacity());
		Audience audience = form.audience() == null ? Audience.OPEN : form.audience();
		fields.put("audience", audience.name());
		fields.put("groups", audience == Audience.GROUPS ? form.groups().stream().distinct().sorted().toArray(String[]::new)
				: new String[0]);
		fields.put("orgs", audience == Audience.MEMBERS ? form.audienceOrganisations().stream().distinct().toArray(Long[]::new)
				: new Long[0]);
		fields.put("opens", timestamp(form.registrationOpens()));
		fields.put("closes", timestamp(form.registrationCloses()));
		fields.put("description", blankToNull(form.description()));
		return fields;
	}

	/** A form's wall-clock time is meant in the application's zone (its clock's, tongxin.time-zone). */
	@Nullable Timestamp timestamp(@Nullable LocalDateTime time) {
		return time == null ? null : Timestamp.from(time.atZone(clock.getZone()).toInstant());
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}

	private static List<String> strings(@Nullable Array array) throws SQLException {
		List<String> values = new ArrayList<>();
		if (array != null) {
			for (Object o : (Object[]) array.getArray()) {
				values.add((String) o);
			}
		}
		return values;
	}

	private static Event map(ResultSet rs, int row) throws SQLException {
		Long series = rs.getObject("series_id", Long.class);
		Integer capacity = rs.getObject("capacity", Integer.class);
		Long site = rs.getObject("site_id", Long.class);
		return new Event(new EventId(rs.getLong("id")), new UnitId(rs.getLong("unit_id")), rs.getString("unit_name"),
				series == null ? null : new SeriesId(series), rs.getString("series_name"), rs.getString("title"),
				EventKind.valueOf(rs.getString("kind")), AllSeries.organisations(rs.getArray("organiser_ids")),
				site == null ? null : new SiteId(site), rs.getString("address"), rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
				capacity, Audience.valueOf(rs.getString("audience")), strings(rs.getArray("audience_groups")),
				AllSeries.organisations(rs.getArray("audience_orgs")), instant(rs, "registration_opens"),
				instant(rs, "registration_closes"), rs.getString("description"), rs.getInt("registered"),
				rs.getInt("waitlisted"), rs.getInt("checked_in"), rs.getInt("version"));
	}
}
