package org.tongxin.reviews.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.Refused;
import org.tongxin.platform.web.Redirects;
import org.tongxin.projects.KeyProjects;
import org.tongxin.projects.ProjectFilter;
import org.tongxin.projects.ProjectId;
import org.tongxin.reviews.Assignment;
import org.tongxin.reviews.ProjectReviews;
import org.tongxin.reviews.ReviewRound;
import org.tongxin.reviews.ReviewRoundId;
import org.tongxin.reviews.ReviewerForm;
import org.tongxin.reviews.RoundForm;

/**
 * Review rounds: the entry page for every role (the central office's rounds and progress, a reviewer's
 * assignments, a city's closed rounds), and the central office's round management.
 */
@Controller
class ReviewRoundController {

	private final ProjectReviews reviews;

	private final KeyProjects keyProjects;

	private final CurrentUser currentUser;

	private final MessageSource messages;

	ReviewRoundController(ProjectReviews reviews, KeyProjects keyProjects, CurrentUser currentUser,
			MessageSource messages) {
		this.reviews = reviews;
		this.keyProjects = keyProjects;
		this.currentUser = currentUser;
		this.messages = messages;
	}

	@GetMapping("/programme/reviews")
	@PreAuthorize("hasAnyAuthority('review:manage', 'review:score', 'programme:read')")
	String index(Model model) {
		var actor = currentUser.actor();
		if (actor.can(ProjectReviews.MANAGE)) {
			model.addAttribute("progress", reviews.progress());
		}
		if (actor.can(ProjectReviews.SCORE)) {
			List<Assignment> mine = reviews.myAssignments();
			model.addAttribute("assignments", mine);
			model.addAttribute("openCount", mine.stream().filter(a -> !a.submitted()).count());
		}
		if (!actor.can(ProjectReviews.MANAGE) && actor.can("programme:read")) {
			model.addAttribute("closedRounds", reviews.closedRoundsInScope());
		}
		return "programme/reviews/index";
	}

	@GetMapping("/programme/reviews/new")
	@PreAuthorize("hasAuthority('review:manage')")
	String create(Model model) {
		return form(model, RoundForm.standard());
	}

	@PostMapping("/programme/reviews")
	@PreAuthorize("hasAuthority('review:manage')")
	String create(@Valid @ModelAttribute("form") RoundForm form, BindingResult errors, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return form(model, form);
		}
		try {
			ReviewRound round = reviews.createRound(form);
			return Redirects.saved(redirect, "/programme/reviews/" + round.id());
		}
		catch (Refused e) {
			model.addAttribute("error", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
			return form(model, form);
		}
	}

	@GetMapping("/programme/reviews/{id}")
	@PreAuthorize("hasAuthority('review:manage')")
	String detail(@PathVariable long id, Model model) {
		ReviewRoundId roundId = new ReviewRoundId(id);
		ReviewRound round = reviews.round(roundId);
		var projects = reviews.roundProjects(roundId);
		Map<ProjectId, List<Assignment>> byProject = reviews.assignments(roundId).stream()
			.collect(Collectors.groupingBy(Assignment::project));
		model.addAttribute("round", round);
		model.addAttribute("projects", projects);
		model.addAttribute("assignments", byProject);
		model.addAttribute("reviewers", reviews.reviewers());
		model.addAttribute("understaffed", reviews.understaffed(roundId).size());
		model.addAttribute("submitted", projects.stream().mapToLong(p -> p.submitted()).sum());
		model.addAttribute("total", projects.stream().mapToLong(p -> p.assigned()).sum());
		model.addAttribute("minimum", ProjectReviews.MIN_REVIEWERS);
		return "programme/reviews/round";
	}

	@PostMapping("/programme/reviews/{id}/assignments")
	@PreAuthorize("hasAuthority('review:manage')")
	String assign(@PathVariable long id, @RequestParam long project, @RequestParam String reviewer,
			@RequestParam(required = false) @Nullable String overrideReason, Locale locale,
			RedirectAttributes redirect) {
		try {
			reviews.assign(new ReviewRoundId(id), new ProjectId(project), reviewer, overrideReason);
			redirect.addFlashAttribute("saved", true);
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
		}
		return "redirect:/programme/reviews/" + id;
	}

	@PostMapping("/programme/reviews/{id}/assignments/auto")
	@PreAuthorize("hasAuthority('review:manage')")
	String autoAssign(@PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("autoAssigned", reviews.autoAssign(new ReviewRoundId(id)));
		return "redirect:/programme/reviews/" + id;
	}

	@PostMapping("/programme/reviews/{id}/assignments/{assignment}/delete")
	@PreAuthorize("hasAuthority('review:manage')")
	String unassign(@PathVariable long id, @PathVariable long assignment, Locale locale, RedirectAttributes redirect) {
		try {
			reviews.unassign(new ReviewRoundId(id), assignment);
			redirect.addFlashAttribute("saved", true);
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
		}
		return "redirect:/programme/reviews/" + id;
	}

	@PostMapping("/programme/reviews/{id}/close")
	@PreAuthorize("hasAuthority('review:manage')")
	String close(@PathVariable long id, Locale locale, RedirectAttributes redirect) {
		try {
			reviews.close(new ReviewRoundId(id));
			redirect.addFlashAttribute("closed", true);
		}
		catch (Refused e) {
			redirect.addFlashAttribute("error", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
		}
		return "redirect:/programme/reviews/" + id + "/results";
	}

	@GetMapping("/programme/reviews/reviewers")
	@PreAuthorize("hasAuthority('review:manage')")
	String reviewers(Model model) {
		return reviewerPage(model, ReviewerForm.empty());
	}

	@PostMapping("/programme/reviews/reviewers")
	@PreAuthorize("hasAuthority('review:manage')")
	String addReviewer(@Valid @ModelAttribute("form") ReviewerForm form, BindingResult errors, Model model,
			Locale locale, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return reviewerPage(model, form);
		}
		try {
			reviews.addReviewer(form);
		}
		catch (Refused e) {
			model.addAttribute("error", messages.getMessage(e.key(), e.arguments(), e.key(), locale));
			return reviewerPage(model, form);
		}
		return Redirects.saved(redirect, "/programme/reviews/reviewers");
	}

	private String reviewerPage(Model model, ReviewerForm form) {
		model.addAttribute("form", form);
		model.addAttribute("reviewers", reviews.reviewers());
		model.addAttribute("cities", reviews.homeCities());
		return "programme/reviews/reviewers";
	}

	private String form(Model model, RoundForm form) {
		model.addAttribute("form", form);
		model.addAttribute("batches", keyProjects.batches());
		model.addAttribute("candidates", keyProjects.projects(ProjectFilter.none(), null, 500));
		return "programme/reviews/new";
	}
}
