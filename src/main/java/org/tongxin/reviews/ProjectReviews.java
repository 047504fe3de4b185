package org.tongxin.reviews;

import static org.tongxin.platform.Texts.blankToNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.Actor;
import org.tongxin.platform.AuditFields;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.Refused;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.UnitLevel;
import org.tongxin.platform.Units;
import org.tongxin.programme.ProgrammeCity;
import org.tongxin.programme.ProgrammeMap;
import org.tongxin.programme.Tier;
import org.tongxin.projects.AttachmentId;
import org.tongxin.projects.BatchId;
import org.tongxin.projects.EvidenceFile;
import org.tongxin.projects.Indicator;
import org.tongxin.projects.KeyProjects;
import org.tongxin.projects.Milestone;
import org.tongxin.projects.ProgressReport;
import org.tongxin.projects.Project;
import org.tongxin.projects.ProjectId;
import org.tongxin.reviews.internal.AssignedProjects;
import org.tongxin.reviews.internal.Assignments;
import org.tongxin.reviews.internal.ReviewRounds;
import org.tongxin.reviews.internal.Reviewers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mid-term review rounds (中期推动 / “回头看”). The central office ({@value #MANAGE}) creates rounds with a
 * rubric, assigns reviewers — at least {@value #MIN_REVIEWERS} per project, never one from the project's
 * own city unless overridden with a reason — follows progress, and closes a round, which freezes its
 * results. Reviewers ({@value #SCORE}) see and score only their own assignments. A city sees the frozen
 * results of its own projects, scoped in SQL. Every change is written to the audit log.
 */
@Service
@Transactional(readOnly = true)
public class ProjectReviews {

	public static final String MANAGE = "review:manage";

	public static final String SCORE = "review:score";

	public static final int MIN_REVIEWERS = 3;

	static final String AUDIT_ROUND = "programme-review-round";

	static final String AUDIT_ASSIGNMENT = "programme-review-assignment";

	static final String AUDIT_REVIEWER = "programme-reviewer";

	private final ReviewRounds rounds;

	private final Assignments assignments;

	private final AssignedProjects assigned;

	private final Reviewers reviewers;

	private final KeyProjects keyProjects;

	private final ProgrammeMap programme;

	private final Units units;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final JsonMapper json;

	ProjectReviews(ReviewRounds rounds, Assignments assignments, AssignedProjects assigned, Reviewers reviewers,
			KeyProjects keyProjects, ProgrammeMap programme, Units units, CurrentUser currentUser, AuditLog audit, JsonMapper json) {
		this.rounds = rounds;
		this.assignments = assignments;
		this.assigned = assigned;
		this.reviewers = reviewers;
		this.keyProjects = keyProjects;
		this.programme = programme;
		this.units = units;
		this.currentUser = currentUser;
		this.audit = audit;
		this.json = json;
	}

	// Reviewers

	public List<Reviewer> reviewers() {
		requireManager();
		return reviewers.all();
	}

	/** Cities a reviewer may call home: the programme's 49, whose projects the rule must keep apart. */
	public List<ProgrammeCity> homeCities() {
		return programme.programmeCities();
	}

	@Transactional
	public Reviewer addReviewer(ReviewerForm form) {
		requireManager();
		String username = require(form.username(), "reviewer.username.required");
		if (reviewers.find(username).isPresent()) {
			throw new Refused("reviewer.username.taken", username);
		}
		Unit city = units.find(new UnitId(form.homeCity() == null ? 0 : form.homeCity()))
			.filter(u -> u.level() == UnitLevel.CITY || u.level() == UnitLevel.PROVINCE)
			.orElseThrow(() -> new Refused("reviewer.homeCity.required"));
		reviewers.insert(username, require(form.name(), "reviewer.name.required"), city.id(), city.name(),
				blankToNull(form.expertise()));
		Reviewer reviewer = reviewers.find(username).orElseThrow();
		// An expert's name is a person's data: recorded as set, not spelt out.
		audit.created(AUDIT_REVIEWER, username, reviewer, AuditFields.personal("name"));
		return reviewer;
	}

	// Rounds

	public List<ReviewRound> rounds() {
		requireManager();
		return rounds.all();
	}

	public List<RoundProgress> progress() {
		requireManager();
		return rounds.progress();
	}

	/** The round, for the central office. */
	public ReviewRound round(ReviewRoundId id) {
		requireManager();
		return rounds.find(id).orElseThrow(() -> new NotFound("round " + id));
	}

	/** Closed rounds in which the caller's scope has projects: what a city may look at. */
	public List<ReviewRound> closedRoundsInScope() {
		return rounds.closedWithResultsIn(scope());
	}

	public List<ReviewRounds.RoundProject> roundProjects(ReviewRoundId id) {
		round(id);
		return rounds.projects(id);
	}

	/**
	 * Creates a round over a whole batch or chosen projects. The rubric is checked first: weights that do
	 * not sum to exactly 100 are refused with the sum in the message.
	 */
	@Transactional
	public ReviewRound createRound(RoundForm form) {
		requireManager();
		List<CriterionForm> criteria = form.filledCriteria();
		Rubric.check(criteria);
		if (form.opensOn() == null || form.closesOn() == null || form.closesOn().isBefore(form.opensOn())) {
			throw new Refused("round.period.order");
		}
		List<ProjectId> chosen;
		if (form.batch() != null) {
			BatchId batch = new BatchId(form.batch());
			keyProjects.batch(batch).orElseThrow(() -> new Refused("round.batch.unknown"));
			chosen = keyProjects.projectsIn(batch);
		}
		else {
			chosen = (form.projects() == null ? List.<Long>of() : form.projects()).stream()
				.distinct()
				.map(ProjectId::new)
				.filter(id -> keyProjects.project(id).isPresent())
				.toList();
		}
		if (chosen.isEmpty()) {
			throw new Refused("round.projects.required");
		}
		ReviewRoundId id = rounds.insert(form, criteria, actor().username());
		rounds.addProjects(id, chosen);
		ReviewRound round = rounds.find(id).orElseThrow();
		audit.created(AUDIT_ROUND, id, Map.of("round", round, "projects", chosen));
		return round;
	}

	// Assignment

	public List<Assignment> assignments(ReviewRoundId round) {
		round(round);
		return assignments.ofRound(round);
	}

	/**
	 * Assigns a reviewer to a project of the round. A reviewer whose home city is the project's city has
	 * a conflict of interest and is refused, unless {@code overrideReason} is given: the override is then
	 * recorded in the audit log with that reason.
	 */
	@Transactional
	public Assignment assign(ReviewRoundId roundId, ProjectId project, String reviewerName,
			@Nullable String overrideReason) {
		ReviewRound round = openRound(roundId);
		ReviewRounds.RoundProject subject = rounds.projects(roundId).stream()
			.filter(p -> p.project().equals(project))
			.findFirst()
			.orElseThrow(() -> new NotFound("project " + project + " in round " + roundId));
		Reviewer reviewer = reviewers.find(reviewerName)
			.orElseThrow(() -> new Refused("assignment.reviewer.unknown", reviewerName));
		if (assignments.exists(roundId, project, reviewer.username())) {
			throw new Refused("assignment.duplicate", reviewer.name());
		}
		String reason = blankToNull(overrideReason);
		boolean conflict = conflict(reviewer, subject);
		if (conflict && reason == null) {
			throw new Refused("assignment.conflict", reviewer.name(), subject.cityName());
		}
		long id = assignments.insert(roundId, project, reviewer.username(), conflict ? reason : null,
				actor().username());
		Assignment assignment = assignments.find(id).orElseThrow();
		if (conflict) {
			audit.record(AuditLog.Action.OVERRIDE, AUDIT_ASSIGNMENT, id,
					Map.of("rule", "conflict-of-interest", "round", round.id(), "project", project, "reviewer",
							reviewer.username(), "city", subject.cityName()),
					reason);
		}
		else {
			audit.created(AUDIT_ASSIGNMENT, id, assignment);
		}
		return assignment;
	}

	/**
	 * Fills every project of the round up to {@code MIN_REVIEWERS} reviewers: for each project, the
	 * reviewers without a conflict and not yet on it, least loaded first (ties by registry order, which
	 * gives a round-robin). Returns how many assignments were made; projects that cannot reach the minimum
	 * without a conflict keep fewer, for the central office to override or add reviewers.
	 */
	@Transactional
	public int autoAssign(ReviewRoundId roundId) {
		openRound(roundId);
		List<Reviewer> pool = reviewers.all();
		Map<String, Integer> order = new HashMap<>();
		for (int i = 0; i < pool.size(); i++) {
			order.put(pool.get(i).username(), i);
		}
		Map<String, Long> load = new HashMap<>(assignments.load(roundId));
		Map<ProjectId, List<String>> existing = assignments.ofRound(roundId).stream()
			.collect(Collectors.groupingBy(Assignment::project,
					Collectors.mapping(Assignment::reviewer, Collectors.toList())));
		int made = 0;
		for (ReviewRounds.RoundProject subject : rounds.projects(roundId)) {
			List<String> on = new ArrayList<>(existing.getOrDefault(subject.project(), List.of()));
			List<Reviewer> candidates = pool.stream()
				.filter(r -> !on.contains(r.username()) && !conflict(r, subject))
				.sorted(Comparator.<Reviewer>comparingLong(r -> load.getOrDefault(r.username(), 0L))
					.thenComparing(r -> order.get(r.username())))
				.toList();
			for (Reviewer reviewer : candidates) {
				if (on.size() >= MIN_REVIEWERS) {
					break;
				}
				long id = assignments.insert(roundId, subject.project(), reviewer.username(), null,
						actor().username());
				audit.created(AUDIT_ASSIGNMENT, id, Map.of("round", roundId, "project", subject.project(), "reviewer",
						reviewer.username(), "automatic", true));
				on.add(reviewer.username());
				load.merge(reviewer.username(), 1L, Long::sum);
				made++;
			}
		}
		return made;
	}

	@Transactional
	public void unassign(ReviewRoundId roundId, long assignmentId) {
		openRound(roundId);
		Assignment assignment = assignments.find(assignmentId)
			.filter(a -> a.round().equals(roundId))
			.orElseThrow(() -> new NotFound("assignment " + assignmentId));
		if (!assignments.deleteUnstarted(assignmentId)) {
			throw new Refused("assignment.started", assignment.reviewerName());
		}
		audit.deleted(AUDIT_ASSIGNMENT, assignmentId, assignment);
	}

	/** Whether the reviewer's home city is the project's city (a district's project counts for its city). */
	public boolean conflict(Reviewer reviewer, ReviewRounds.RoundProject project) {
		return reviewer.homeCity().equals(project.city())
				|| reviewer.homeCity().equals(programme.cityOf(project.unit()));
	}

	/** Projects of the round that have fewer than {@value #MIN_REVIEWERS} reviewers. */
	public List<ReviewRounds.RoundProject> understaffed(ReviewRoundId roundId) {
		return roundProjects(roundId).stream().filter(p -> p.assigned() < MIN_REVIEWERS).toList();
	}

	// Scoring: always the reviewer's own assignments

	public List<Assignment> myAssignments() {
		requireReviewer();
		return assignments.mine(actor().username());
	}

	/** The reviewer's assignment, or 404: another reviewer's project is not found. */
	public Assignment myAssignment(ReviewRoundId round, ProjectId project) {
		requireReviewer();
		return assignments.mine(actor().username(), round, project)
			.orElseThrow(() -> new NotFound("assignment " + round + "/" + project));
	}

	public ReviewRound roundOf(Assignment assignment) {
		return rounds.find(assignment.round()).orElseThrow();
	}

	public Project assignedProject(ReviewRoundId round, ProjectId project) {
		requireReviewer();
		return assigned.project(actor().username(), round, project)
			.orElseThrow(() -> new NotFound("project " + project));
	}

	public List<Indicator> assignedIndicators(ReviewRoundId round, ProjectId project) {
		requireReviewer();
		return assigned.indicators(actor().username(), round, project);
	}

	public List<Milestone> assignedMilestones(ReviewRoundId round, ProjectId project) {
		requireReviewer();
		return assigned.milestones(actor().username(), round, project);
	}

	public List<ProgressReport> assignedReports(ReviewRoundId round, ProjectId project) {
		requireReviewer();
		return assigned.reports(actor().username(), round, project);
	}

	public Optional<EvidenceFile> assignedEvidence(ReviewRoundId round, ProjectId project, AttachmentId id) {
		requireReviewer();
		return assigned.evidence(actor().username(), round, project, id);
	}

	public List<Score> myScores(Assignment assignment) {
		return assignments.scores(assignment.id());
	}

	/**
	 * Saves the reviewer's scores as a draft, or submits them ({@code submit}): a submission needs a score
	 * for every criterion and is final. Refused once the round is closed — its results are frozen.
	 */
	@Transactional
	public Assignment score(ReviewRoundId roundId, ProjectId project, List<Score> scores, boolean submit) {
		Assignment before = myAssignment(roundId, project);
		ReviewRound round = roundOf(before);
		if (!round.open()) {
			throw new Refused("score.round.closed");
		}
		if (before.submitted()) {
			throw new Refused("score.submitted");
		}
		Map<Long, Score> byCriterion = new LinkedHashMap<>();
		for (Score score : scores) {
			if (score.comment() != null && score.comment().length() > 2000) {
				throw new Refused("score.comment.size");
			}
			byCriterion.put(score.criterion(), new Score(score.criterion(), score.score(), blankToNull(score.comment())));
		}
		List<Score> lines = new ArrayList<>();
		Map<Long, Refused> problems = new LinkedHashMap<>();
		for (Criterion criterion : round.criteria()) {
			Score score = byCriterion.getOrDefault(criterion.id(), new Score(criterion.id(), null, null));
			Refused problem = Rubric.problem(criterion, score, submit);
			if (problem != null) {
				problems.put(criterion.id(), problem);
			}
			lines.add(score);
		}
		if (!problems.isEmpty()) {
			throw new ScoresRejected(problems);
		}
		if (!assignments.save(before.id(), lines, submit ? AssignmentState.SUBMITTED : AssignmentState.DRAFT)) {
			throw new Refused("score.round.closed");
		}
		Assignment after = assignments.find(before.id()).orElseThrow();
		audit.updated(AUDIT_ASSIGNMENT, before.id(), Map.of("state", before.state()),
				Map.of("state", after.state(), "scores", lines));
		return after;
	}

	// Results

	/**
	 * The round's results. For the central office: computed from submitted scores while the round is
	 * open, the frozen snapshot once closed. For anyone else: only a closed round's frozen results, and only
	 * for projects within the caller's scope (enforced in SQL); a round with none of those is not found.
	 */
	public RoundResults results(ReviewRoundId id) {
		if (actor().can(MANAGE)) {
			ReviewRound round = round(id);
			if (!round.open()) {
				return new RoundResults(round, true, read(rounds.frozenResults(id)));
			}
			return new RoundResults(round, false, compute(round));
		}
		ReviewRound round = rounds.find(id)
			.filter(r -> !r.open())
			.orElseThrow(() -> new NotFound("round " + id));
		List<ProjectResult> own = read(rounds.frozenResults(scope(), id)).stream().map(ProjectReviews::anonymous).toList();
		if (own.isEmpty()) {
			throw new NotFound("round " + id);
		}
		return new RoundResults(round, true, own);
	}

	/** Closes the round: results computed one last time and stored; from now on no score changes. */
	@Transactional
	public RoundResults close(ReviewRoundId id) {
		ReviewRound round = openRound(id);
		List<ProjectResult> results = compute(round);
		if (!rounds.close(id, actor().username())) {
			throw new Refused("round.closed");
		}
		Map<ProjectId, UnitId> unitOf = rounds.projects(id).stream()
			.collect(Collectors.toMap(ReviewRounds.RoundProject::project, ReviewRounds.RoundProject::unit));
		for (ProjectResult result : results) {
			rounds.storeResult(id, result.project(), unitOf.get(result.project()), result.rank(),
					json.writeValueAsString(result));
		}
		ReviewRound closed = rounds.find(id).orElseThrow();
		audit.updated(AUDIT_ROUND, id, Map.of("state", round.state()),
				Map.of("state", closed.state(), "ranking", results.stream()
					.map(r -> Map.of("project", r.project(), "rank", String.valueOf(r.rank()), "mean",
							String.valueOf(r.mean())))
					.toList()));
		return new RoundResults(closed, true, results);
	}

	/** Indicators of the round's projects for the report, read in the central office's scope. */
	public Map<ProjectId, List<Indicator>> indicatorsOf(List<ProjectId> ids) {
		requireManager();
		return keyProjects.indicators(ids);
	}

	public List<Milestone> milestonesOf(ProjectId project) {
		requireManager();
		return keyProjects.milestones(project);
	}

	private List<ProjectResult> compute(ReviewRound round) {
		Map<Long, Tier> tiers = new HashMap<>();
		programme.programmeCities().forEach(c -> {
			if (c.tier() != null) {
				tiers.put(c.unit().value(), c.tier());
			}
		});
		List<RoundResults.Subject> subjects = rounds.projects(round.id()).stream()
			.map(p -> new RoundResults.Subject(p.project(), p.title(), p.place(), p.cityName(), p.batchNumber(),
					tiers.get(p.city().value()), p.assigned()))
			.toList();
		return RoundResults.compute(round, subjects, rounds.submittedScores(round.id()));
	}

	/** A city learns how its project was scored, not by whom: reviewers become numbers. */
	private static ProjectResult anonymous(ProjectResult result) {
		List<ProjectResult.ReviewerResult> reviewers = new ArrayList<>();
		for (int i = 0; i < result.reviewers().size(); i++) {
			ProjectResult.ReviewerResult r = result.reviewers().get(i);
			reviewers.add(new ProjectResult.ReviewerResult(String.valueOf(i + 1), r.weighted(), r.othersMean(),
					r.deviation(), r.outlier()));
		}
		return new ProjectResult(result.project(), result.title(), result.place(), result.cityName(),
				result.batchNumber(), result.tier(), result.assigned(), result.submitted(), result.mean(),
				result.spread(), reviewers, result.criterionMeans(), result.strongestComments(), result.rank(),
				result.rankInBatch(), result.rankInTier());
	}

	private List<ProjectResult> read(List<String> rows) {
		return rows.stream().map(row -> json.readValue(row, ProjectResult.class)).toList();
	}

	private ReviewRound openRound(ReviewRoundId id) {
		ReviewRound round = round(id);
		if (!round.open()) {
			throw new Refused("round.closed");
		}
		return round;
	}

	private void requireManager() {
		if (!actor().can(MANAGE)) {
			throw new AccessDeniedException("review rounds are run by the central office");
		}
	}

	private void requireReviewer() {
		if (!actor().can(SCORE)) {
			throw new AccessDeniedException("only reviewers score");
		}
	}

	private static String require(@Nullable String value, String key) {
		if (value == null || value.isBlank()) {
			throw new Refused(key);
		}
		return value.strip();
	}

	private Actor actor() {
		return currentUser.actor();
	}

	private DataScope scope() {
		return currentUser.scope();
	}
}
