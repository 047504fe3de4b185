package org.tongxin.platform.audit;

import static org.tongxin.platform.Texts.blankToNull;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit log. Entries are not limited to a data scope: the audit administrator works
 * centrally and sees every unit's entries, so callers guard access with the permission {@code audit:read}.
 */
@Repository
@Transactional(readOnly = true)
public class AuditTrail {

	static final String COLUMNS = "id, at, actor, actor_unit, action, object_type, object_id, detail, reason, ip, prev_hash, hash, chain_alg";

	/** Rows fetched per round trip while streaming an export, so memory stays flat at any size. */
	private static final int EXPORT_FETCH_SIZE = 1000;

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * What the auditor is looking for; every criterion is optional.
	 *
	 * @param actor the username; ending in {@code *} it is a prefix ("cheng*")
	 * @param from entries at or after this instant
	 * @param until entries before this instant
	 */
	public record Filter(@Nullable String actor, @Nullable String action, @Nullable String objectType,
			@Nullable String objectId, @Nullable Instant from, @Nullable Instant until) {

		public Filter {
			actor = blankToNull(actor);
			action = blankToNull(action);
			objectType = blankToNull(objectType);
			objectId = blankToNull(objectId);
		}

	}

	/**
	 * One page, newest first.
	 *
	 * @param nextBefore the cursor of the following page, or null on the last page
	 */
	public record Page(List<AuditEntry> entries, @Nullable Long nextBefore) {
	}

	/** Receives the rows of {@link #export}; may throw IOException, so a download writes to the response as rows arrive. */
	@FunctionalInterface
	public interface EntryWriter {

		void write(Stream<AuditEntry> entries) throws IOException;
	}

	/** Entries older than the cursor {@code before} (an entry id), newest first; keyset-paged, never OFFSET. */
	public Page page(Filter filter, @Nullable Long before, int size) {
		Where where = Where.of(filter, before);
		List<AuditEntry> entries = jdbc.sql("select " + COLUMNS + " from platform_audit_log" + where.sql()
				+ " order by id desc limit :limit")
			.params(where.params())
			.param("limit", size + 1)
			.query(AuditTrail::map)
			.list();
		if (entries.size() <= size) {
			return new Page(entries, null);
		}
		List<AuditEntry> shown = entries.subList(0, size);
		return new Page(List.copyOf(shown), shown.getLast().id());
	}

	public long count(Filter filter) {
		Where where = Where.of(filter, null);
		return jdbc.sql("select count(*) from platform_audit_log" + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
	}

	/** Every entry matching the filter, newest first, streamed from a database cursor inside one transaction. */
	public void export(Filter filter, EntryWriter writer) throws IOException {
		Where where = Where.of(filter, null);
		try (Stream<AuditEntry> entries = jdbc
			.sql("select " + COLUMNS + " from platform_audit_log" + where.sql() + " order by id desc")
			.withFetchSize(EXPORT_FETCH_SIZE)
			.params(where.params())
			.query(AuditTrail::map)
			.stream()) {
			writer.write(entries);
		}
	}

	static AuditEntry map(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getObject("actor_unit", Long.class), rs.getString("action"),
				rs.getString("object_type"), rs.getString("object_id"), rs.getString("detail"), rs.getString("reason"),
				rs.getString("ip"), rs.getString("prev_hash"), rs.getString("hash"), rs.getString("chain_alg"));
	}

	/**
	 * The conditions in use, and only those: each value is a bound parameter, and leaving unused criteria
	 * out of the SQL (instead of "or :x is null") lets PostgreSQL plan every query with the index that fits.
	 */
	private record Where(String sql, Map<String, Object> params) {

		static Where of(Filter filter, @Nullable Long before) {
			List<String> conditions = new ArrayList<>();
			Map<String, Object> params = new LinkedHashMap<>();
			if (filter.actor() != null && filter.actor().endsWith("*")) {
				conditions.add("starts_with(actor, :actor)");
				params.put("actor", filter.actor().substring(0, filter.actor().length() - 1));
			}
			else if (filter.actor() != null) {
				conditions.add("actor = :actor");
				params.put("actor", filter.actor());
			}
			if (filter.action() != null) {
				conditions.add("action = :action");
				params.put("action", filter.action());
			}
			if (filter.objectType() != null) {
				conditions.add("object_type = :objectType");
				params.put("objectType", filter.objectType());
			}
			if (filter.objectId() != null) {
				conditions.add("object_id = :objectId");
				params.put("objectId", filter.objectId());
			}
			if (filter.from() != null) {
				conditions.add("at >= :from");
				params.put("from", Timestamp.from(filter.from()));
			}
			if (filter.until() != null) {
				conditions.add("at < :until");
				params.put("until", Timestamp.from(filter.until()));
			}
			if (before != null) {
				conditions.add("id < :before");
				params.put("before", before);
			}
			return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
		}
	}
}
