package org.tongxin.platform.jobs.web;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.jobs.BackgroundJobs;

/**
 * The progress bar of a job, polled by htmx every second until the job is done. Pages that start a
 * job include the fragment {@code platform/jobs/progress :: progress} with the job in the model. The job is
 * named by its random public id and shown only to whom may see it (its owner, or staff with the module's
 * permission in scope); anyone else gets 404, as for a job that does not exist.
 */
@Controller
class JobProgressController {

	private final BackgroundJobs jobs;

	JobProgressController(BackgroundJobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/jobs/{id}/progress")
	@PreAuthorize("isAuthenticated()")
	String progress(@PathVariable String id, Model model) {
		model.addAttribute("job", publicId(id).flatMap(jobs::find).orElseThrow(() -> new NotFound("job", id)));
		return "platform/jobs/progress :: progress";
	}

	/** Not a public id at all (an old numeric id, a guess): the same 404 as an unknown one. */
	private static java.util.Optional<UUID> publicId(String id) {
		try {
			return java.util.Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException e) {
			return java.util.Optional.empty();
		}
	}
}
