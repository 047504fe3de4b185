package org.tongxin.projects.web;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
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
import org.tongxin.platform.ConcurrentChange;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.Refused;
import org.tongxin.platform.web.Redirects;
import org.tongxin.projects.Batch;
import org.tongxin.projects.BatchForm;
import org.tongxin.projects.BatchId;
import org.tongxin.projects.KeyProjects;

/** Batches of key projects: everyone in the programme reads them, the central office keeps them. */
@Controller
class BatchController {

	private final KeyProjects projects;

	BatchController(KeyProjects projects) {
		this.projects = projects;
	}

	@GetMapping("/programme/projects/batches")
	@PreAuthorize("hasAuthority('programme:read')")
	String list(Model model) {
		model.addAttribute("batches", projects.batches());
		model.addAttribute("counts", projects.projectCountsByBatch());
		return "programme/projects/batches";
	}

	@GetMapping("/programme/projects/batches/new")
	@PreAuthorize("hasAuthority('programme:batches')")
	String create(Model model) {
		return form(model, BatchForm.empty(), null);
	}

	@PostMapping("/programme/projects/batches")
	@PreAuthorize("hasAuthority('programme:batches')")
	String create(@Valid @ModelAttribute("form") BatchForm form, BindingResult errors, Model model,
			RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return form(model, form, null);
		}
		try {
			projects.createBatch(form);
		}
		catch (Refused e) {
			errors.reject(e.key(), e.arguments(), e.key());
			return form(model, form, null);
		}
		return Redirects.saved(redirect, "/programme/projects/batches");
	}

	@GetMapping("/programme/projects/batches/{id}/edit")
	@PreAuthorize("hasAuthority('programme:batches')")
	String edit(@PathVariable long id, Model model) {
		Batch batch = find(id);
		return form(model, BatchForm.of(batch), batch);
	}

	@PostMapping("/programme/projects/batches/{id}")
	@PreAuthorize("hasAuthority('programme:batches')")
	String update(@PathVariable long id, @RequestParam int version, @Valid @ModelAttribute("form") BatchForm form,
			BindingResult errors, Model model, RedirectAttributes redirect) {
		Batch batch = find(id);
		if (errors.hasErrors()) {
			return form(model, form, batch);
		}
		try {
			projects.updateBatch(batch.id(), version, form);
		}
		catch (Refused e) {
			errors.reject(e.key(), e.arguments(), e.key());
			return form(model, form, batch);
		}
		catch (ConcurrentChange e) {
			errors.reject("project.concurrent");
			return form(model, form, batch);
		}
		return Redirects.saved(redirect, "/programme/projects/batches");
	}

	private Batch find(long id) {
		return projects.batch(new BatchId(id)).orElseThrow(() -> new NotFound("batch " + id));
	}

	private String form(Model model, BatchForm form, @Nullable Batch batch) {
		model.addAttribute("form", form);
		model.addAttribute("batch", batch);
		return "programme/projects/batch-form";
	}
}
