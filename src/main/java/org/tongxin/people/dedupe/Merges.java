package org.tongxin.people.dedupe;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.people.HistoryField;
import org.tongxin.platform.DataScope;

/**
 * Merges of duplicate persons and their undo. A merge stores what it changed — the survivor's columns
 * before, the ids of the rows it moved or wrote — so that undo puts both records back exactly.
 */
@Repository
class Merges {

	/** Every column a merge may change on the survivor, restored as a whole by undo. */
	private static final List<String> RESTORED = restored();

	private final JdbcClient jdbc;

	Merges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Merge(long id, long duplicateId, long survivorId, long mergedId, int survivorVersion, List<Long> movedConsents,
			List<Long> movedHistory, List<Long> movedAccounts, List<Long> writtenHistory) {
	}

	/** The survivor's row as JSON, locked: the snapshot undo restores. */
	String snapshot(long survivor) {
		return jdbc.sql("select cast(to_jsonb(p) - 'name_grams' as text) from people_person p where p.id = ? for update")
			.param(survivor)
			.query(String.class)
			.single();
	}

	/** Copies the chosen fields of {@code merged} onto {@code survivor}; returns the survivor's new version. */
	int copyFields(long survivor, long merged, List<MergeField> taken) {
		String set = taken.stream()
			.flatMap(f -> f.columns().stream())
			.map(c -> c + " = o." + c + ", ")
			.collect(Collectors.joining());
		return jdbc.sql("""
				update people_person s
				   set %s updated_at = now(), version = s.version + 1
				  from people_person o
				 where s.id = :survivor and o.id = :merged
				returning s.version""".formatted(set))
			.param("survivor", survivor)
			.param("merged", merged)
			.query(Integer.class)
			.single();
	}

	/** The consent ledger decides the survivor's state once both ledgers are one. */
	void recomputeConsentState(long person) {
		jdbc.sql("""
				update people_person p
				   set consent_state = coalesce((select c.event from people_consent c
				                                 where c.person_id = p.id and c.scope = 'BASIC'
				                                 order by c.at desc, c.id desc limit 1), 'NONE')
				 where p.id = ?""")
			.param(person)
			.update();
	}

	List<Long> move(String table, long from, long to) {
		return jdbc.sql("update " + table + " set person_id = :to where person_id = :from returning id")
			.param("to", to)
			.param("from", from)
			.query(Long.class)
			.list();
	}

	void moveBack(String table, List<Long> ids, long to) {
		jdbc.sql("update " + table + " set person_id = :to where id = any(cast(:ids as bigint[]))")
			.param("to", to)
			.param("ids", ids.toArray(Long[]::new))
			.update();
	}

	long history(long person, HistoryField field, @Nullable String oldValue, @Nullable String newValue, String by) {
		return jdbc.sql("""
				insert into people_history (person_id, field, old_value, new_value, changed_by)
				values (?, ?, ?, ?, ?) returning id""")
			.params(person, field.name(), oldValue, newValue, by)
			.query(Long.class)
			.single();
	}

	void markMerged(long merged, @Nullable Long into) {
		jdbc.sql("update people_person set merged_into = ?, version = version + 1 where id = ?").params(into, merged).update();
	}

	long insert(long duplicateId, long survivor, long merged, String snapshot, int survivorVersion, List<Long> consents,
			List<Long> history, List<Long> accounts, List<Long> written, String by) {
		return jdbc.sql("""
				insert into people_merge (duplicate_id, survivor_id, merged_id, survivor_before, survivor_version,
				    moved_consents, moved_history, moved_accounts, written_history, merged_by)
				values (:duplicate, :survivor, :merged, cast(:snapshot as jsonb), :version, cast(:consents as bigint[]),
				    cast(:history as bigint[]), cast(:accounts as bigint[]), cast(:written as bigint[]), :by)
				returning id""")
			.param("duplicate", duplicateId)
			.param("survivor", survivor)
			.param("merged", merged)
			.param("snapshot", snapshot)
			.param("version", survivorVersion)
			.param("consents", consents.toArray(Long[]::new))
			.param("history", history.toArray(Long[]::new))
			.param("accounts", accounts.toArray(Long[]::new))
			.param("written", written.toArray(Long[]::new))
			.param("by", by)
			.query(Long.class)
			.single();
	}

	/** A standing merge whose two persons both lie within the scope, locked for undo. */
	Optional<Merge> findStanding(DataScope scope, long id) {
		return scope.bind(jdbc.sql("""
				select m.* from people_merge m
				  join people_person s on s.id = m.survivor_id
				  join people_person o on o.id = m.merged_id
				 where m.id = :id and m.undone_at is null and %s and %s
				   for update of m""".formatted(scope.restrict("s.unit_id"), scope.restrict("o.unit_id"))))
			.param("id", id)
			.query((rs, n) -> new Merge(rs.getLong("id"), rs.getLong("duplicate_id"), rs.getLong("survivor_id"),
					rs.getLong("merged_id"), rs.getInt("survivor_version"), ids(rs.getArray("moved_consents")),
					ids(rs.getArray("moved_history")), ids(rs.getArray("moved_accounts")),
					ids(rs.getArray("written_history"))))
			.optional();
	}

	int version(long person) {
		return jdbc.sql("select version from people_person where id = ? for update").param(person).query(Integer.class).single();
	}

	void deleteHistory(List<Long> ids) {
		jdbc.sql("delete from people_history where id = any(cast(? as bigint[]))").param(ids.toArray(Long[]::new)).update();
	}

	/** Puts the survivor's columns back as they were before the merge; the version moves on for optimistic locking. */
	void restore(long survivor, long mergeId) {
		String columns = String.join(", ", RESTORED);
		String values = RESTORED.stream().map(c -> "r." + c).collect(Collectors.joining(", "));
		jdbc.sql("""
				update people_person p
				   set (%s) = (select %s from people_merge m,
				               jsonb_populate_record(null::people_person, m.survivor_before) r where m.id = :merge),
				       version = p.version + 1
				 where p.id = :survivor""".formatted(columns, values))
			.param("merge", mergeId)
			.param("survivor", survivor)
			.update();
	}

	void undone(long mergeId, String by) {
		jdbc.sql("update people_merge set undone_at = now(), undone_by = ? where id = ?").params(by, mergeId).update();
	}

	private static List<Long> ids(Array array) throws SQLException {
		return List.of((Long[]) array.getArray());
	}

	private static List<String> restored() {
		List<String> columns = new ArrayList<>();
		for (MergeField field : MergeField.values()) {
			columns.addAll(field.columns());
		}
		columns.add("consent_state");
		columns.add("updated_at");
		return List.copyOf(columns);
	}
}
