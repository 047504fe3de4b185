package org.tongxin.platform.jobs.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tongxin.platform.jobs.BackgroundJobs;
import org.tongxin.platform.jobs.JobId;

/**
 * The progress bar of any job, polled by htmx every second until the job is done. Pages that start a
 * job include the fragment {@code platform/jobs/progress :: progress} with the job in the model.
 */
@Controller
class JobProgressController {

	private final BackgroundJobs jobs;

	JobProgressController(BackgroundJobs jobs) {
		this.jobs = jobs;
	}

	@GetMapping("/jobs/{id}/progress")
	@PreAuthorize("isAuthenticated()")
	String progress(@PathVariable long id, Model model) {
		model.addAttribute("job", jobs.find(new JobId(id)).orElseThrow(() -> new JobNotFound(id)));
		return "platform/jobs/progress :: progress";
	}

	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
	static class JobNotFound extends RuntimeException {

		JobNotFound(long id) {
			super("job " + id + " not found in scope");
		}
	}
}
