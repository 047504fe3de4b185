package org.tongxin.projects.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.SqlDates;
import org.tongxin.projects.Batch;
import org.tongxin.projects.BatchForm;
import org.tongxin.projects.BatchId;

/**
 * Batches of key projects. A batch itself is programme-wide reference data, like the city list; how many
 * of its projects a caller sees is counted in the caller's scope.
 */
@Repository
public class Batches {

	private final JdbcClient jdbc;

	Batches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Batch> all() {
		return jdbc.sql("select * from programme_batch order by number").query(Batches::map).list();
	}

	public Optional<Batch> find(BatchId id) {
		return jdbc.sql("select * from programme_batch where id = ?").param(id.value()).query(Batches::map).optional();
	}

	public Optional<Batch> findByNumber(int number) {
		return jdbc.sql("select * from programme_batch where number = ?").param(number).query(Batches::map).optional();
	}

	/** Projects per batch id, within the scope. */
	public Map<Long, Long> projectCounts(DataScope scope) {
		return scope
			.bind(jdbc.sql("select p.batch_id, count(*) from programme_project p where " + scope.restrict("p.unit_id")
					+ " group by p.batch_id"))
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	public BatchId insert(BatchForm form) {
		return new BatchId(jdbc.sql("""
				insert into programme_batch (number, year, title, planned_count, call_opens, call_closes)
				values (:number, :year, :title, :planned, :opens, :closes)
				returning id""").params(fields(form)).query(Long.class).single());
	}

	/** Optimistic: false when someone else saved the batch since {@code version} was read. */
	public boolean update(BatchId id, int version, BatchForm form) {
		return jdbc.sql("""
				update programme_batch
				   set number = :number, year = :year, title = :title, planned_count = :planned,
				       call_opens = :opens, call_closes = :closes, version = version + 1
				 where id = :id and version = :version""")
			.params(fields(form))
			.param("id", id.value())
			.param("version", version)
			.update() == 1;
	}

	private static Map<String, @Nullable Object> fields(BatchForm form) {
		Map<String, @Nullable Object> fields = new java.util.HashMap<>();
		fields.put("number", form.number());
		fields.put("year", form.year());
		fields.put("title", form.title() == null ? null : form.title().strip());
		fields.put("planned", form.plannedCount());
		fields.put("opens", SqlDates.of(form.callOpens()));
		fields.put("closes", SqlDates.of(form.callCloses()));
		return fields;
	}

	private static Batch map(ResultSet rs, int row) throws SQLException {
		return new Batch(new BatchId(rs.getLong("id")), rs.getInt("number"), rs.getInt("year"), rs.getString("title"),
				rs.getInt("planned_count"), SqlDates.read(rs, "call_opens"),
				SqlDates.read(rs, "call_closes"), rs.getInt("version"));
	}
}
