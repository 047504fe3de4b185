package org.tongxin.reviews.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.Refused;
import org.tongxin.platform.web.Downloads;
import org.tongxin.projects.AttachmentId;
import org.tongxin.projects.EvidenceFile;
import org.tongxin.projects.ProjectId;
import org.tongxin.reviews.Assignment;
import org.tongxin.reviews.Criterion;
import org.tongxin.reviews.ProjectReviews;
import org.tongxin.reviews.ReviewRound;
import org.tongxin.reviews.ReviewRoundId;
import org.tongxin.reviews.Rubric;
import org.tongxin.reviews.Score;
import org.tongxin.reviews.ScoresRejected;

/**
 * A reviewer scoring one assigned project: the project with its indicators, milestones, reports and
 * evidence, and the rubric to score. Everything is read through the reviewer's own assignment: another
 * project's id gives 404.
 */
@Controller
class ReviewScoringController {

	private final ProjectReviews reviews;

	private final MessageSource messages;

	ReviewScoringController(ProjectReviews reviews, MessageSource messages) {
		this.reviews = reviews;
		this.messages = messages;
	}

	@GetMapping("/programme/reviews/{round}/projects/{project}")
	@PreAuthorize("hasAuthority('review:score')")
	String show(@PathVariable long round, @PathVariable long project, Model model) {
		ReviewRoundId roundId = new ReviewRoundId(round);
		ProjectId projectId = new ProjectId(project);
		Assignment assignment = reviews.myAssignment(roundId, projectId);
		return page(model, assignment, reviews.myScores(assignment));
	}

	/**
	 * Saves a draft ({@code action=draft}) or submits ({@code action=submit}). Scores and comments come as
	 * {@code score_<criterion>} and {@code comment_<criterion>}; a refused submission shows the form again
	 * with what was entered.
	 */
	@PostMapping("/programme/reviews/{round}/projects/{project}")
	@PreAuthorize("hasAuthority('review:score')")
	String save(@PathVariable long round, @PathVariable long project, @RequestParam String action,
			@RequestParam Map<String, String> fields, Model model, Locale locale, RedirectAttributes redirect) {
		ReviewRoundId roundId = new ReviewRoundId(round);
		ProjectId projectId = new ProjectId(project);
		Assignment assignment = reviews.myAssignment(roundId, projectId);
		ReviewRound reviewRound = reviews.roundOf(assignment);
		List<Score> scores = new ArrayList<>();
		// A score that is not a whole number never reaches the rules: it is refused here, at its criterion.
		Map<Long, Refused> unreadable = new LinkedHashMap<>();
		for (Criterion criterion : reviewRound.criteria()) {
			String raw = fields.getOrDefault("score_" + criterion.id(), "").strip();
			Integer value = null;
			if (!raw.isEmpty()) {
				try {
					value = Integer.valueOf(raw);
				}
				catch (NumberFormatException e) {
					unreadable.put(criterion.id(),
							new Refused("score.range.criterion", criterion.name(), Rubric.MAX_SCORE));
				}
			}
			scores.add(new Score(criterion.id(), value, fields.get("comment_" + criterion.id())));
		}
		try {
			if (!unreadable.isEmpty()) {
				// Said together with what the rules find at the other criteria, so one correction round suffices.
				Map<Long, Refused> problems = new LinkedHashMap<>();
				for (int i = 0; i < scores.size(); i++) {
					Criterion criterion = reviewRound.criteria().get(i);
					Refused problem = unreadable.containsKey(criterion.id()) ? unreadable.get(criterion.id())
							: Rubric.problem(criterion, scores.get(i), "submit".equals(action));
					if (problem != null) {
						problems.put(criterion.id(), problem);
					}
				}
				throw new ScoresRejected(problems);
			}
			reviews.score(roundId, projectId, scores, "submit".equals(action));
		}
		catch (Refused e) {
			model.addAttribute("error", text(e, locale));
			if (e instanceof ScoresRejected rejected) {
				Map<Long, String> problems = new LinkedHashMap<>();
				Map<Long, Boolean> reasons = new LinkedHashMap<>();
				rejected.problems().forEach((criterion, problem) -> {
					problems.put(criterion, text(problem, locale));
					reasons.put(criterion, Rubric.REASON_REQUIRED.equals(problem.key()));
				});
				model.addAttribute("problems", problems);
				model.addAttribute("reasonProblems", reasons);
			}
			return page(model, assignment, scores);
		}
		redirect.addFlashAttribute("saved", "submit".equals(action) ? "submitted" : "draft");
		return "submit".equals(action) ? "redirect:/programme/reviews"
				: "redirect:/programme/reviews/" + round + "/projects/" + project;
	}

	@GetMapping("/programme/reviews/{round}/projects/{project}/evidence/{attachment}")
	@PreAuthorize("hasAuthority('review:score')")
	ResponseEntity<byte[]> evidence(@PathVariable long round, @PathVariable long project,
			@PathVariable long attachment) {
		EvidenceFile file = reviews
			.assignedEvidence(new ReviewRoundId(round), new ProjectId(project), new AttachmentId(attachment))
			.orElseThrow(() -> new NotFound("evidence " + attachment));
		// Served as a download with the type its bytes were recognised as; never rendered inline.
		return Downloads.attachment(file.contentType(), file.fileName()).body(file.bytes());
	}

	private String page(Model model, Assignment assignment, List<Score> scores) {
		ReviewRoundId round = assignment.round();
		ProjectId project = assignment.project();
		ReviewRound reviewRound = reviews.roundOf(assignment);
		model.addAttribute("assignment", assignment);
		model.addAttribute("round", reviewRound);
		model.addAttribute("project", reviews.assignedProject(round, project));
		model.addAttribute("indicators", reviews.assignedIndicators(round, project));
		model.addAttribute("milestones", reviews.assignedMilestones(round, project));
		model.addAttribute("reports", reviews.assignedReports(round, project));
		model.addAttribute("scores", scoresByCriterion(scores));
		model.addAttribute("weighted", reviewRound.rubric().weighted(complete(scores)));
		model.addAttribute("editable", reviewRound.open() && !assignment.submitted());
		if (!model.containsAttribute("problems")) {
			model.addAttribute("problems", Map.of());
			model.addAttribute("reasonProblems", Map.of());
		}
		model.addAttribute("reasonBelow", Rubric.REASON_BELOW_PERCENT * Rubric.MAX_SCORE / 100);
		model.addAttribute("reasonAbove", Rubric.REASON_ABOVE_PERCENT * Rubric.MAX_SCORE / 100);
		model.addAttribute("maxScore", Rubric.MAX_SCORE);
		return "programme/reviews/score";
	}

	private String text(Refused e, Locale locale) {
		return messages.getMessage(e.key(), e.arguments(), e.key(), locale);
	}

	private static Map<Long, Score> scoresByCriterion(List<Score> scores) {
		Map<Long, Score> map = new java.util.HashMap<>();
		scores.forEach(s -> map.put(s.criterion(), s));
		return map;
	}

	private static Map<Long, Integer> complete(List<Score> scores) {
		Map<Long, Integer> map = new java.util.HashMap<>();
		scores.forEach(s -> {
			@Nullable Integer value = s.score();
			if (value != null) {
				map.put(s.criterion(), value);
			}
		});
		return map;
	}
}
