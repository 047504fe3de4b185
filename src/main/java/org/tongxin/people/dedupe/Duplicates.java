package org.tongxin.people.dedupe;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.SqlDates;

/**
 * Candidate pairs. Reads return a pair only when BOTH persons lie within the caller's {@link DataScope}: a
 * city never learns from a pair that a person of another city exists.
 */
@Repository
class Duplicates {

	/** Serialises detection runs: each one moves the shared watermark. */
	private static final long DETECTION_LOCK = 7_319_887L;

	/**
	 * One set-based pass over the persons changed since the watermark's last run: each rule is an index lookup per
	 * examined person (ID hash, phone hash, name + birth date, name + employer) against the whole registry,
	 * never a self-join of the table. Weights add up per pair (capped at 100); a pair is a candidate at 50.
	 * Decided pairs keep their decision; open pairs of examined persons that no longer match are withdrawn.
	 */
	private static final String DETECT = """
			with fresh as (
			    select p.id, p.id_number_hash, p.phone_hash, p.name, p.birth_date, p.employer
			    from people_person p
			    where p.updated_at > (select w.last_run from people_dedupe_watermark w) and p.merged_into is null and p.anonymised_at is null
			),
			matched as (
			    select f.id as a, o.id as b, 'ID_NUMBER' as rule, 100 as weight
			    from fresh f join people_person o on o.id_number_hash = f.id_number_hash
			    where o.id_number_hash is not null and o.merged_into is null and o.anonymised_at is null
			    union all
			    select f.id, o.id, 'PHONE', 60
			    from fresh f join people_person o on o.phone_hash = f.phone_hash
			    where o.phone_hash is not null and o.merged_into is null and o.anonymised_at is null
			    union all
			    select f.id, o.id, 'NAME_BIRTH_DATE', 50
			    from fresh f join people_person o on o.name = f.name and o.birth_date = f.birth_date
			    where o.name is not null and o.birth_date is not null and o.merged_into is null
			    union all
			    select f.id, o.id, 'NAME_EMPLOYER', 30
			    from fresh f join people_person o on o.name = f.name and o.employer = f.employer
			    where o.name is not null and o.employer is not null and o.merged_into is null
			),
			rules as (
			    select distinct least(a, b) as low_id, greatest(a, b) as high_id, rule, weight
			    from matched where a <> b
			),
			pairs as (
			    select low_id, high_id, least(sum(weight), 100)::int as score,
			           array_agg(rule order by weight desc) as reasons
			    from rules group by low_id, high_id having sum(weight) >= 50
			),
			withdrawn as (
			    delete from people_duplicate d
			    where d.status = 'OPEN'
			      and (d.low_id in (select id from fresh) or d.high_id in (select id from fresh))
			      and not exists (select 1 from pairs x where x.low_id = d.low_id and x.high_id = d.high_id)
			)
			insert into people_duplicate (low_id, high_id, score, reasons)
			select low_id, high_id, score, reasons from pairs
			on conflict (low_id, high_id) do update set score = excluded.score, reasons = excluded.reasons
			where people_duplicate.status = 'OPEN'""";

	private static final String PAIR_COLUMNS = """
			d.id, d.score, d.reasons, d.status, d.found_at,
			a.id as a_id, a.unit_id as a_unit, a.name as a_name, a.sex as a_sex, a.birth_date as a_birth,
			a.employer as a_employer, a.phone_cipher as a_phone, a.id_number_cipher as a_idn,
			b.id as b_id, b.unit_id as b_unit, b.name as b_name, b.sex as b_sex, b.birth_date as b_birth,
			b.employer as b_employer, b.phone_cipher as b_phone, b.id_number_cipher as b_idn,
			(select m.id from people_merge m where m.duplicate_id = d.id and m.undone_at is null) as merge_id""";

	private final JdbcClient jdbc;

	Duplicates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Runs detection over the persons changed since the watermark and moves it. The new watermark is the
	 * start of the oldest transaction still open: {@code updated_at} is a transaction's start time, so a
	 * row not yet committed now carries a time at or after it and is examined by the next run.
	 *
	 * @return pairs found or refreshed
	 */
	int detect() {
		jdbc.sql("select pg_advisory_xact_lock(?)").param(DETECTION_LOCK).query((rs, n) -> 1).list();
		Instant next = jdbc.sql("""
				select least(now(), min(xact_start)) from pg_stat_activity
				where datname = current_database() and xact_start is not null""")
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.single();
		int found = jdbc.sql(DETECT).update();
		jdbc.sql("update people_dedupe_watermark set last_run = ?").param(java.sql.Timestamp.from(next)).update();
		return found;
	}

	/** Detection over every person, whatever the watermark says: the first run of a loaded registry. */
	int detectAll() {
		jdbc.sql("update people_dedupe_watermark set last_run = '-infinity'").update();
		return detect();
	}

	List<PairRow> page(DataScope scope, DuplicateStatus status, @Nullable Integer afterScore,
			@Nullable Long afterId, int size) {
		String keyset = afterScore == null ? "" : " and (d.score, d.id) < (:afterScore, :afterId)";
		JdbcClient.StatementSpec spec = scope.bind(jdbc.sql("select " + PAIR_COLUMNS + from(scope, status) + keyset
				+ " order by d.score desc, d.id desc limit :size"))
			.param("status", status.name())
			.param("size", size);
		if (afterScore != null) {
			spec = spec.param("afterScore", afterScore).param("afterId", afterId);
		}
		return spec.query(Duplicates::map).list();
	}

	long count(DataScope scope, DuplicateStatus status) {
		return scope.bind(jdbc.sql("select count(*)" + from(scope, status)))
			.param("status", status.name())
			.query(Long.class)
			.single();
	}

	/** The whole list in review order, from a cursor: call inside a read transaction and close the stream. */
	Stream<PairRow> stream(DataScope scope, DuplicateStatus status) {
		return scope.bind(jdbc.sql("select " + PAIR_COLUMNS + from(scope, status) + " order by d.score desc, d.id desc"))
			.param("status", status.name())
			.query(Duplicates::map)
			.stream();
	}

	Optional<PairRow> find(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select " + PAIR_COLUMNS + """
				 from people_duplicate d
				 join people_person a on a.id = d.low_id
				 join people_person b on b.id = d.high_id
				where d.id = :id and %s and %s""".formatted(scope.restrict("a.unit_id"), scope.restrict("b.unit_id"))))
			.param("id", id)
			.query(Duplicates::map)
			.optional();
	}

	/** Locks the pair for a decision; false when it is no longer open. */
	boolean lockOpen(long id) {
		return jdbc.sql("select status from people_duplicate where id = ? for update")
			.param(id)
			.query(String.class)
			.optional()
			.filter("OPEN"::equals)
			.isPresent();
	}

	void decide(long id, DuplicateStatus status, @Nullable String by) {
		jdbc.sql("""
				update people_duplicate
				   set status = :status,
				       decided_at = case when :status = 'OPEN' then null else now() end,
				       decided_by = :by
				 where id = :id""")
			.param("status", status.name())
			.param("by", by)
			.param("id", id)
			.update();
	}

	/**
	 * Both persons in scope; open pairs show only while neither person has been merged away or anonymised,
	 * merged pairs only while their merge stands.
	 */
	private static String from(DataScope scope, DuplicateStatus status) {
		String live = switch (status) {
			case OPEN -> " and a.merged_into is null and b.merged_into is null"
					+ " and a.anonymised_at is null and b.anonymised_at is null";
			case MERGED -> " and exists (select 1 from people_merge m where m.duplicate_id = d.id and m.undone_at is null)";
			case NOT_DUPLICATE -> "";
		};
		return """
				 from people_duplicate d
				 join people_person a on a.id = d.low_id
				 join people_person b on b.id = d.high_id
				where d.status = :status and %s and %s""".formatted(scope.restrict("a.unit_id"), scope.restrict("b.unit_id"))
				+ live;
	}

	private static PairRow map(ResultSet rs, int row) throws SQLException {
		Array reasons = rs.getArray("reasons");
		return new PairRow(rs.getLong("id"), side(rs, "a_"), side(rs, "b_"), rs.getInt("score"),
				List.of((String[]) reasons.getArray()), DuplicateStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("found_at").toInstant(), rs.getObject("merge_id", Long.class));
	}

	private static PairRow.Side side(ResultSet rs, String prefix) throws SQLException {
		return new PairRow.Side(rs.getLong(prefix + "id"), rs.getLong(prefix + "unit"),
				rs.getString(prefix + "name"), rs.getString(prefix + "sex"), SqlDates.read(rs, prefix + "birth"),
				rs.getString(prefix + "employer"), rs.getBytes(prefix + "phone"), rs.getBytes(prefix + "idn"));
	}
}
