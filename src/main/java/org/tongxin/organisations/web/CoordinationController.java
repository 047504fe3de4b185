package org.tongxin.organisations.web;

import static org.tongxin.platform.Texts.orEmpty;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.organisations.Coordination.PartnerKind;
import org.tongxin.organisations.Coordination;
import org.tongxin.platform.ConcurrentChange;
import org.tongxin.platform.Exports;
import org.tongxin.platform.Refused;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.web.Redirects;

/** 工作机制: partners, mechanisms and shared tasks of the scope on one page, each with a small form. */
@Controller
class CoordinationController {

	private final Coordination coordination;

	private final MessageSource messages;

	private final Clock clock;

	private final Exports exports;

	CoordinationController(Coordination coordination, MessageSource messages, Clock clock, Exports exports) {
		this.exports = exports;
		this.clock = clock;
		this.coordination = coordination;
		this.messages = messages;
	}

	@GetMapping("/organisations/coordination")
	@PreAuthorize("hasAuthority('organisations:read')")
	String page(@RequestParam(defaultValue = "false") boolean open, Model model) {
		return page(model, open);
	}

	@PostMapping("/organisations/coordination/partners")
	@PreAuthorize("hasAuthority('organisations:write')")
	String addPartner(@RequestParam long unit, @RequestParam String name, @RequestParam PartnerKind kind,
			@RequestParam(required = false) @Nullable String contact, Model model, RedirectAttributes redirect) {
		return add(() -> coordination.addPartner(unit, name, kind, contact), "partnerError", "", model, redirect);
	}

	/** Roles come as role_<partner id> fields; a partner whose role is left blank is not part of the mechanism. */
	@PostMapping("/organisations/coordination/mechanisms")
	@PreAuthorize("hasAuthority('organisations:write')")
	String addMechanism(@RequestParam long unit, @RequestParam String name,
			@RequestParam(required = false) @Nullable String description, @RequestParam Map<String, String> fields,
			Model model, RedirectAttributes redirect) {
		Map<Long, String> roles = new LinkedHashMap<>();
		fields.forEach((key, value) -> {
			if (key.startsWith("role_") && key.substring(5).matches("\\d+")) {
				roles.put(Long.valueOf(key.substring(5)), value);
			}
		});
		return add(() -> coordination.addMechanism(unit, name, description, roles), "mechanismError", "", model,
				redirect);
	}

	@PostMapping("/organisations/coordination/tasks")
	@PreAuthorize("hasAuthority('organisations:write')")
	String addTask(@RequestParam long unit, @RequestParam String title,
			@RequestParam(required = false) @Nullable Long mechanism, @RequestParam(required = false) @Nullable Long partner,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate dueOn,
			Model model, RedirectAttributes redirect) {
		return add(() -> coordination.addTask(unit, title, mechanism, partner, dueOn), "taskError", "#tasks", model,
				redirect);
	}

	/**
	 * One of the page's forms (a partner, a mechanism, a task): added and the page shown at {@code anchor}, or the
	 * page shown again with the refusal beside that form ({@code error}).
	 */
	private String add(Runnable adding, String error, String anchor, Model model, RedirectAttributes redirect) {
		try {
			adding.run();
		}
		catch (Refused e) {
			model.addAttribute(error, e.key());
			return page(model, false);
		}
		return Redirects.saved(redirect, "/organisations/coordination" + anchor);
	}

	@PostMapping("/organisations/coordination/tasks/{id}")
	@PreAuthorize("hasAuthority('organisations:write')")
	String complete(@PathVariable long id, @RequestParam int version, @RequestParam boolean done,
			RedirectAttributes redirect) {
		try {
			coordination.completeTask(id, version, done);
			redirect.addFlashAttribute("saved", true);
		}
		catch (ConcurrentChange e) {
			redirect.addFlashAttribute("conflict", true);
		}
		return "redirect:/organisations/coordination#tasks";
	}

	@GetMapping("/organisations/coordination/tasks.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('organisations:read')")
	void exportTasks(@RequestParam(defaultValue = "false") boolean open, Locale locale, HttpServletResponse response)
			throws IOException {
		List<Coordination.Task> tasks = coordination.tasks(open);
		exports
			.xlsx(response, "task.file", "task.file",
					Exports.columns("task.", "title", "place", "mechanism", "partner", "dueOn", "status"))
			.audited("organisation-task", null, Map.of("rows", tasks.size()))
			.write(tasks.stream()
				.map(t -> List.of(t.title(), t.place(), orEmpty(t.mechanismName()), orEmpty(t.partnerName()),
						t.dueOn().toString(), text(t.done() ? "task.status.done"
								: t.overdue(LocalDate.now(clock)) ? "task.status.overdue" : "task.status.open",
										locale))));
	}

	@GetMapping("/organisations/coordination/partners.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('organisations:read')")
	void exportPartners(Locale locale, HttpServletResponse response) throws IOException {
		List<Coordination.Partner> partners = coordination.partners();
		exports
			.xlsx(response, "partner.file", "partner.file", Exports.columns("partner.", "name", "kind", "place",
				"contact"))
			.audited("organisation-partner", null, Map.of("rows", partners.size()))
			.write(partners.stream()
				.map(p -> List.of(p.name(), text("partner.kind." + p.kind(), locale), p.place(),
					orEmpty(p.contact()))));
	}

	private String page(Model model, boolean open) {
		model.addAttribute("partners", coordination.partners());
		model.addAttribute("mechanisms", coordination.mechanisms());
		model.addAttribute("tasks", coordination.tasks(open));
		model.addAttribute("open", open);
		model.addAttribute("units", coordination.ownerUnits());
		model.addAttribute("partnerKinds", PartnerKind.values());
		return "organisations/coordination";
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
