package org.tongxin.reviews.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.UnitId;
import org.tongxin.projects.BatchId;
import org.tongxin.projects.ProjectId;
import org.tongxin.reviews.Criterion;
import org.tongxin.reviews.CriterionForm;
import org.tongxin.reviews.ReviewRound;
import org.tongxin.reviews.ReviewRoundId;
import org.tongxin.reviews.ReviewRoundState;
import org.tongxin.reviews.RoundForm;
import org.tongxin.reviews.RoundProgress;
import org.tongxin.reviews.RoundResults;

/**
 * Review rounds with their rubric and projects, the submitted scores they are computed from, and the
 * results frozen at closing. Rounds are the central office's; a city reads only frozen results of its
 * own projects ({@link #frozenResults(DataScope, ReviewRoundId)}, scoped on the project's unit).
 */
@Repository
public class ReviewRounds {

	private final JdbcClient jdbc;

	ReviewRounds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A project of a round with what the results need. */
	public record RoundProject(ProjectId project, String title, String place, UnitId unit, UnitId city,
			String cityName, int batchNumber, int assigned, int submitted) {
	}

	public ReviewRoundId insert(RoundForm form, List<CriterionForm> criteria, String by) {
		long id = jdbc.sql("""
				insert into programme_review_round (title, batch_id, opens_on, closes_on, outlier_threshold, state, created_by)
				values (:title, :batch, :opens, :closes, :threshold, 'OPEN', :by) returning id""")
			.param("title", form.title() == null ? "" : form.title().strip())
			.param("batch", form.batch())
			.param("opens", form.opensOn())
			.param("closes", form.closesOn())
			.param("threshold", form.outlierThreshold())
			.param("by", by)
			.query(Long.class)
			.single();
		int sort = 0;
		for (CriterionForm c : criteria) {
			jdbc.sql("""
					insert into programme_review_criterion (round_id, sort, name, weight, descriptors)
					values (?, ?, ?, ?, ?)""")
				.params(id, sort++, c.name() == null ? "" : c.name().strip(), c.weight(),
						c.descriptors() == null || c.descriptors().isBlank() ? null : c.descriptors().strip())
				.update();
		}
		return new ReviewRoundId(id);
	}

	public void addProjects(ReviewRoundId round, List<ProjectId> projects) {
		for (ProjectId project : projects) {
			jdbc.sql("insert into programme_review_project (round_id, project_id) values (?, ?) on conflict do nothing")
				.params(round.value(), project.value())
				.update();
		}
	}

	public Optional<ReviewRound> find(ReviewRoundId id) {
		return complete(jdbc.sql("select * from programme_review_round where id = ?").param(id.value()).query(ReviewRounds::map)
			.list()).stream().findFirst();
	}

	/** Rounds, newest first: the central office's list. */
	public List<ReviewRound> all() {
		return complete(jdbc.sql("select * from programme_review_round order by opens_on desc, id desc")
			.query(ReviewRounds::map)
			.list());
	}

	/** Closed rounds with frozen results for a project within the scope: what a city may open. */
	public List<ReviewRound> closedWithResultsIn(DataScope scope) {
		return complete(scope.bind(jdbc.sql("""
				select r.* from programme_review_round r
				where r.state = 'CLOSED'
				  and exists (select 1 from programme_review_result x where x.round_id = r.id and %s)
				order by r.closed_at desc, r.id desc""".formatted(scope.restrict("x.unit_id"))))
			.query(ReviewRounds::map)
			.list());
	}

	public List<RoundProject> projects(ReviewRoundId round) {
		return jdbc.sql("""
				select p.id, p.title, p.unit_name, p.unit_id, p.city_unit, p.city_name, b.number,
				       (select count(*) from programme_review_assignment a
				         where a.round_id = rp.round_id and a.project_id = p.id) as assigned,
				       (select count(*) from programme_review_assignment a
				         where a.round_id = rp.round_id and a.project_id = p.id and a.state = 'SUBMITTED') as submitted
				from programme_review_project rp
				join programme_project p on p.id = rp.project_id
				join programme_batch b on b.id = p.batch_id
				where rp.round_id = ?
				order by b.number, p.city_unit, p.id""")
			.param(round.value())
			.query((rs, n) -> new RoundProject(new ProjectId(rs.getLong(1)), rs.getString(2), rs.getString(3),
					new UnitId(rs.getLong(4)), new UnitId(rs.getLong(5)), rs.getString(6), rs.getInt(7), rs.getInt(8),
					rs.getInt(9)))
			.list();
	}

	public List<RoundResults.SubmittedScore> submittedScores(ReviewRoundId round) {
		return jdbc.sql("""
				select a.project_id, a.reviewer, s.criterion_id, s.score, s.comment
				from programme_review_assignment a
				join programme_review_score s on s.assignment_id = a.id
				where a.round_id = ? and a.state = 'SUBMITTED' and s.score is not null
				order by a.project_id, a.reviewer, s.criterion_id""")
			.param(round.value())
			.query((rs, n) -> new RoundResults.SubmittedScore(new ProjectId(rs.getLong(1)), rs.getString(2),
					rs.getLong(3), rs.getInt(4), rs.getString(5)))
			.list();
	}

	/** Closes the round if it is still open; false when someone closed it first. */
	public boolean close(ReviewRoundId round, String by) {
		return jdbc.sql("""
				update programme_review_round set state = 'CLOSED', closed_by = ?, closed_at = now()
				where id = ? and state = 'OPEN'""")
			.params(by, round.value())
			.update() == 1;
	}

	public void storeResult(ReviewRoundId round, ProjectId project, UnitId unit, @Nullable Integer rank, String json) {
		jdbc.sql("""
				insert into programme_review_result (round_id, project_id, unit_id, rank, result)
				values (?, ?, ?, ?, cast(? as jsonb))""")
			.params(round.value(), project.value(), unit.value(), rank, json)
			.update();
	}

	/** The frozen results of every project of the round, in rank order. */
	public List<String> frozenResults(ReviewRoundId round) {
		return jdbc.sql("""
				select result::text from programme_review_result where round_id = ?
				order by rank nulls last, project_id""")
			.param(round.value())
			.query(String.class)
			.list();
	}

	/** The frozen results of the round's projects that lie within the scope. */
	public List<String> frozenResults(DataScope scope, ReviewRoundId round) {
		return scope.bind(jdbc.sql("""
				select x.result::text from programme_review_result x
				join programme_review_round r on r.id = x.round_id and r.state = 'CLOSED'
				where x.round_id = :round and %s
				order by x.rank nulls last, x.project_id""".formatted(scope.restrict("x.unit_id"))))
			.param("round", round.value())
			.query(String.class)
			.list();
	}

	/** Submitted and total assignments per round, open rounds first. */
	public List<RoundProgress> progress() {
		return jdbc.sql("""
				select r.id, r.title, r.state, r.closes_on,
				       (select count(*) from programme_review_project rp where rp.round_id = r.id) as projects,
				       count(a.id) filter (where a.state = 'SUBMITTED') as submitted,
				       count(a.id) as total
				from programme_review_round r
				left join programme_review_assignment a on a.round_id = r.id
				group by r.id
				order by r.state desc, r.opens_on desc, r.id desc""")
			.query((rs, n) -> new RoundProgress(new ReviewRoundId(rs.getLong(1)), rs.getString(2),
					ReviewRoundState.valueOf(rs.getString(3)), rs.getDate(4).toLocalDate(), rs.getLong(5),
					rs.getLong(6), rs.getLong(7)))
			.list();
	}

	private Map<Long, List<Criterion>> criteria(List<Long> rounds) {
		if (rounds.isEmpty()) {
			return Map.of();
		}
		return jdbc.sql("select * from programme_review_criterion where round_id in (:rounds) order by sort, id")
			.param("rounds", rounds)
			.query((rs, n) -> Map.entry(rs.getLong("round_id"), new Criterion(rs.getLong("id"), rs.getString("name"),
					rs.getInt("weight"), rs.getString("descriptors"))))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey,
					Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
	}

	/** Rounds come back without criteria from their own query; the criteria follow in one more. */
	private List<ReviewRound> complete(List<ReviewRound> rounds) {
		Map<Long, List<Criterion>> criteria = criteria(rounds.stream().map(r -> r.id().value()).toList());
		return rounds.stream()
			.map(r -> new ReviewRound(r.id(), r.title(), r.batch(), r.opensOn(), r.closesOn(), r.outlierThreshold(),
					r.state(), criteria.getOrDefault(r.id().value(), List.of()), r.createdBy(), r.closedAt(),
					r.closedBy()))
			.toList();
	}

	private static ReviewRound map(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		long batch = rs.getLong("batch_id");
		BatchId batchId = rs.wasNull() ? null : new BatchId(batch);
		Timestamp closedAt = rs.getTimestamp("closed_at");
		return new ReviewRound(new ReviewRoundId(id), rs.getString("title"), batchId,
				rs.getDate("opens_on").toLocalDate(), rs.getDate("closes_on").toLocalDate(),
				rs.getBigDecimal("outlier_threshold"), ReviewRoundState.valueOf(rs.getString("state")),
				List.of(), rs.getString("created_by"),
				closedAt == null ? null : closedAt.toInstant(), rs.getString("closed_by"));
	}
}
