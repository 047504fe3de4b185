package org.tongxin.reviews.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.UnitId;
import org.tongxin.projects.ProjectId;
import org.tongxin.reviews.Assignment;
import org.tongxin.reviews.AssignmentState;
import org.tongxin.reviews.ReviewRoundId;
import org.tongxin.reviews.Score;

/**
 * Reviewers assigned to projects of a round, and their scores. The reviewer's own reads ({@link #mine})
 * always filter on the reviewer's username: an assignment of someone else is not found.
 */
@Repository
public class Assignments {

	private static final String SELECT = """
			select a.*, r.title as round_title, p.title as project_title, p.unit_name, p.city_unit, v.name as reviewer_name
			from programme_review_assignment a
			join programme_review_round r on r.id = a.round_id
			join programme_project p on p.id = a.project_id
			join programme_reviewer v on v.username = a.reviewer""";

	private final JdbcClient jdbc;

	Assignments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every assignment of a round: the central office's view. */
	public List<Assignment> ofRound(ReviewRoundId round) {
		return jdbc.sql(SELECT + " where a.round_id = ? order by p.city_unit, a.project_id, a.reviewer")
			.param(round.value())
			.query(Assignments::map)
			.list();
	}

	/** The reviewer's assignments in open rounds first, then closed ones. */
	public List<Assignment> mine(String reviewer) {
		return jdbc.sql(SELECT + " where a.reviewer = ? order by r.state desc, r.opens_on desc, a.state, p.city_unit")
			.param(reviewer)
			.query(Assignments::map)
			.list();
	}

	public Optional<Assignment> mine(String reviewer, ReviewRoundId round, ProjectId project) {
		return jdbc.sql(SELECT + " where a.reviewer = ? and a.round_id = ? and a.project_id = ?")
			.params(reviewer, round.value(), project.value())
			.query(Assignments::map)
			.optional();
	}

	public Optional<Assignment> find(long id) {
		return jdbc.sql(SELECT + " where a.id = ?").param(id).query(Assignments::map).optional();
	}

	public boolean exists(ReviewRoundId round, ProjectId project, String reviewer) {
		return jdbc.sql("""
				select count(*) from programme_review_assignment where round_id = ? and project_id = ? and reviewer = ?""")
			.params(round.value(), project.value(), reviewer)
			.query(Long.class)
			.single() > 0;
	}

	public long insert(ReviewRoundId round, ProjectId project, String reviewer, @Nullable String overrideReason,
			String by) {
		return jdbc.sql("""
				insert into programme_review_assignment (round_id, project_id, reviewer, state, override_reason, assigned_by)
				values (?, ?, ?, 'ASSIGNED', ?, ?) returning id""")
			.params(round.value(), project.value(), reviewer, overrideReason, by)
			.query(Long.class)
			.single();
	}

	/** Removes an assignment nobody has started scoring; false otherwise. */
	public boolean deleteUnstarted(long id) {
		return jdbc.sql("delete from programme_review_assignment where id = ? and state = 'ASSIGNED'").param(id)
			.update() == 1;
	}

	/** The reviewer's scores on the assignment, one per criterion of the round (empty ones included). */
	public List<Score> scores(long assignment) {
		return jdbc.sql("""
				select c.id, s.score, s.comment
				from programme_review_assignment a
				join programme_review_criterion c on c.round_id = a.round_id
				left join programme_review_score s on s.assignment_id = a.id and s.criterion_id = c.id
				where a.id = ? order by c.sort, c.id""")
			.param(assignment)
			.query((rs, n) -> {
				// getObject, not getInt + wasNull: wasNull answers for the last column read, and reading the
				// criterion id after the score made every empty score a 0 — an untouched form then submitted zeros.
				Integer score = rs.getObject(2, Integer.class);
				return new Score(rs.getLong(1), score, rs.getString(3));
			})
			.list();
	}

	/**
	 * Writes the scores and the new state, only while the round is open and the assignment not yet
	 * submitted: false otherwise, and nothing is written. The condition sits in the same statement as the
	 * change, so a round closing meanwhile cannot let a score slip in.
	 */
	public boolean save(long assignment, List<Score> scores, AssignmentState state) {
		int updated = jdbc.sql("""
				update programme_review_assignment a
				   set state = :state, submitted_at = case when :state = 'SUBMITTED' then now() end
				 where a.id = :id and a.state <> 'SUBMITTED'
				   and exists (select 1 from programme_review_round r where r.id = a.round_id and r.state = 'OPEN')""")
			.param("state", state.name())
			.param("id", assignment)
			.update();
		if (updated != 1) {
			return false;
		}
		for (Score score : scores) {
			jdbc.sql("""
					insert into programme_review_score (assignment_id, criterion_id, score, comment)
					values (?, ?, ?, ?)
					on conflict (assignment_id, criterion_id) do update set score = excluded.score, comment = excluded.comment""")
				.params(assignment, score.criterion(), score.score(), score.comment())
				.update();
		}
		return true;
	}

	/** Assignments per reviewer in the round: the load that automatic assignment balances. */
	public java.util.Map<String, Long> load(ReviewRoundId round) {
		java.util.Map<String, Long> load = new java.util.HashMap<>();
		jdbc.sql("select reviewer, count(*) from programme_review_assignment where round_id = ? group by reviewer")
			.param(round.value())
			.query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.forEach(e -> load.put(e.getKey(), e.getValue()));
		return load;
	}

	private static Assignment map(ResultSet rs, int row) throws SQLException {
		Timestamp submitted = rs.getTimestamp("submitted_at");
		return new Assignment(rs.getLong("id"), new ReviewRoundId(rs.getLong("round_id")), rs.getString("round_title"),
				new ProjectId(rs.getLong("project_id")), rs.getString("project_title"), rs.getString("unit_name"),
				new UnitId(rs.getLong("city_unit")), rs.getString("reviewer"), rs.getString("reviewer_name"),
				AssignmentState.valueOf(rs.getString("state")), rs.getString("override_reason"),
				submitted == null ? null : submitted.toInstant());
	}
}
