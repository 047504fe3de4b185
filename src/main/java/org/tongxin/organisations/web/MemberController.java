package org.tongxin.organisations.web;

import static org.tongxin.platform.Texts.orEmpty;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
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
import org.tongxin.organisations.JoinedVia;
import org.tongxin.organisations.MemberFilter;
import org.tongxin.organisations.MemberRole;
import org.tongxin.organisations.MembershipForm;
import org.tongxin.organisations.MembershipId;
import org.tongxin.organisations.MembershipStatus;
import org.tongxin.organisations.Memberships;
import org.tongxin.organisations.NewTerm;
import org.tongxin.organisations.Organisation;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.organisations.Organisations;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.PersonFilter;
import org.tongxin.people.PersonId;
import org.tongxin.platform.ConcurrentChange;
import org.tongxin.platform.Exports;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.Refused;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.web.Redirects;

/** Members of an organisation: add, suspend, leave, export, 换届; and the person page's organisations tab. */
@Controller
class MemberController {

	private static final java.util.Map<String, MemberRole> ROLES = java.util.Arrays.stream(MemberRole.values())
		.collect(java.util.stream.Collectors.toMap(MemberRole::name, r -> r));

	private final Organisations organisations;

	private final Memberships memberships;

	private final PeopleRegistry people;

	private final MessageSource messages;

	private final Clock clock;

	private final Exports exports;

	MemberController(Organisations organisations, Memberships memberships, PeopleRegistry people,
			MessageSource messages, Clock clock, Exports exports) {
		this.exports = exports;
		this.clock = clock;
		this.organisations = organisations;
		this.memberships = memberships;
		this.people = people;
		this.messages = messages;
	}

	@GetMapping("/organisations/{id}/members/new")
	@PreAuthorize("hasAuthority('organisations:write')")
	String add(@PathVariable long id, @RequestParam(required = false) @Nullable String q, Model model) {
		return form(model, find(id), MembershipForm.empty(LocalDate.now(clock)), q);
	}

	@PostMapping("/organisations/{id}/members")
	@PreAuthorize("hasAuthority('organisations:write')")
	String add(@PathVariable long id, @Valid @ModelAttribute("form") MembershipForm form, BindingResult errors,
			@RequestParam(required = false) @Nullable String q, Model model, RedirectAttributes redirect) {
		Organisation organisation = find(id);
		if (errors.hasErrors()) {
			return form(model, organisation, form, q);
		}
		try {
			memberships.add(organisation.id(), form);
		}
		catch (Refused e) {
			OrganisationController.reject(errors, e);
			return form(model, organisation, form, q);
		}
		return Redirects.saved(redirect, "/organisations/" + id);
	}

	@PostMapping("/organisations/{id}/members/{membership}/status")
	@PreAuthorize("hasAuthority('organisations:write')")
	String status(@PathVariable long id, @PathVariable long membership, @RequestParam int version,
			@RequestParam MembershipStatus status, RedirectAttributes redirect) {
		Organisation organisation = find(id);
		var found = memberships.membership(new MembershipId(membership))
			.filter(m -> m.organisation().equals(organisation.id()))
			.orElseThrow(() -> new NotFound("membership " + membership));
		try {
			memberships.changeStatus(found.id(), version, status);
			redirect.addFlashAttribute("saved", true);
		}
		catch (ConcurrentChange e) {
			redirect.addFlashAttribute("conflict", true);
		}
		return "redirect:/organisations/" + id;
	}

	@GetMapping("/organisations/{id}/members/export.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('organisations:read')")
	void export(@PathVariable long id, @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable MemberRole role,
			@RequestParam(required = false) @Nullable MembershipStatus status,
			@RequestParam(required = false) @Nullable Integer term, @RequestParam(defaultValue = "false") boolean open,
			Locale locale, HttpServletResponse response) throws IOException {
		Organisation organisation = find(id);
		var download = exports
			.xlsx(response, "member.file", "member.sheet", Exports.columns("member.", "name", "group", "place",
					"phone", "role", "term", "termStart", "termEnd", "status", "joinedVia"))
			.of(organisation.name());
		memberships.export(organisation.id(), new MemberFilter(role, status, term, open, q),
				rows -> download.write(rows.map(m -> List.of(m.name() == null ? text("member.outOfScope",
						locale) : m.name(),
						m.group() == null ? "" : text("targetGroup." + m.group(), locale), orEmpty(m.place()),
						orEmpty(m.phoneMasked()), text("member.role." + m.membership().role(), locale),
						m.membership().termNo(), date(m.membership().termStart()), date(m.membership().termEnd()),
						text("member.status." + m.membership().status(), locale),
						text("member.joinedVia." + m.membership().joinedVia(), locale)))));
	}

	@GetMapping("/organisations/{id}/term")
	@PreAuthorize("hasAuthority('organisations:write')")
	String term(@PathVariable long id, Model model) {
		return termForm(model, find(id), LocalDate.now(clock), List.of(), List.of());
	}

	/**
	 * 换届: rows of (person, role); blank rows are skipped. {@code term} is the term the form showed as current:
	 * a second submission of the same form is refused. Malformed values answer with the form's message.
	 */
	@PostMapping("/organisations/{id}/term")
	@PreAuthorize("hasAuthority('organisations:write')")
	String term(@PathVariable long id, @RequestParam(required = false) @Nullable String on,
			@RequestParam(name = "term", required = false) @Nullable String fromTerm,
			@RequestParam(name = "person", required = false) @Nullable List<String> persons,
			@RequestParam(name = "role", required = false) @Nullable List<String> roles, Model model,
			RedirectAttributes redirect) {
		Organisation organisation = find(id);
		List<String> p = persons == null ? List.of() : persons;
		List<String> r = roles == null ? List.of() : roles;
		if (on == null || on.isBlank()) {
			model.addAttribute("termError", "term.date.required");
			return termForm(model, organisation, LocalDate.now(clock), p, r);
		}
		LocalDate date;
		try {
			date = LocalDate.parse(on.strip());
		}
		catch (DateTimeParseException e) {
			model.addAttribute("termError", "term.date.invalid");
			return termForm(model, organisation, LocalDate.now(clock), p, r);
		}
		Integer from = null;
		if (fromTerm != null && !fromTerm.isBlank()) {
			if (!fromTerm.strip().matches("\\d{1,6}")) {
				model.addAttribute("termError", "term.stale");
				return termForm(model, organisation, date, p, r);
			}
			from = Integer.valueOf(fromTerm.strip());
		}
		List<NewTerm.Position> positions = new ArrayList<>();
		for (int i = 0; i < Math.min(p.size(), r.size()); i++) {
			String person = p.get(i).strip();
			String role = r.get(i).strip();
			if (person.isEmpty() || role.isEmpty()) {
				continue;
			}
			MemberRole memberRole = ROLES.get(role);
			if (!person.matches("\\d{1,18}") || memberRole == null) {
				model.addAttribute("termError", "term.row.invalid");
				return termForm(model, organisation, date, p, r);
			}
			positions.add(new NewTerm.Position(new PersonId(Long.parseLong(person)), memberRole));
		}
		try {
			memberships.newTerm(organisation.id(), new NewTerm(date, positions, from));
		}
		catch (Refused e) {
			model.addAttribute("termError", e.key());
			return termForm(model, find(id), date, p, r);
		}
		return Redirects.saved(redirect, "/organisations/" + id);
	}

	/** The person page's "organisations" tab, loaded by htmx: that person's memberships in the viewer's scope. */
	@GetMapping("/organisations/of-person/{personId}")
	@PreAuthorize("hasAuthority('organisations:read')")
	String ofPerson(@PathVariable long personId, Model model) {
		PersonId person = new PersonId(personId);
		if (people.find(person).isEmpty()) {
			throw new NotFound("person " + personId);
		}
		model.addAttribute("memberships", memberships.ofPerson(person));
		return "organisations/of-person :: memberships";
	}

	private String form(Model model, Organisation organisation, MembershipForm form, @Nullable String q) {
		model.addAttribute("org", organisation);
		model.addAttribute("form", form);
		model.addAttribute("q", q);
		model.addAttribute("candidates", q == null || q.isBlank() ? List.of()
				: people.page(PersonFilter.query(q.strip()), null, 20));
		model.addAttribute("roles", MemberRole.values());
		model.addAttribute("statuses", MembershipStatus.values());
		model.addAttribute("vias", JoinedVia.values());
		return "organisations/member-form";
	}

	private String termForm(Model model, Organisation organisation, LocalDate on, List<String> persons,
			List<String> roles) {
		model.addAttribute("org", organisation);
		model.addAttribute("on", on);
		model.addAttribute("open", memberships.openPositions(organisation.id()));
		model.addAttribute("members",
				memberships.page(organisation.id(), new MemberFilter(null, MembershipStatus.ACTIVE, null, true), null,
						500));
		model.addAttribute("roles", List.of(MemberRole.values()).stream().filter(MemberRole::position).toList());
		List<String[]> rows = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			rows.add(new String[] { i < persons.size() ? persons.get(i) : "", i < roles.size() ? roles.get(i) : "" });
		}
		model.addAttribute("rows", rows);
		return "organisations/term";
	}

	private Organisation find(long id) {
		return organisations.organisation(new OrganisationId(id))
			.orElseThrow(() -> new NotFound("organisation " + id));
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static String date(@Nullable LocalDate value) {
		return value == null ? "" : value.toString();
	}

}
