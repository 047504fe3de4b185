package org.tongxin.organisations.web;

import static org.tongxin.platform.Texts.blankToNull;
import static org.tongxin.platform.Texts.orEmpty;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.tongxin.organisations.MemberFilter;
import org.tongxin.organisations.MemberRole;
import org.tongxin.organisations.MembershipStatus;
import org.tongxin.organisations.Memberships;
import org.tongxin.organisations.Organisation;
import org.tongxin.organisations.OrganisationFilter;
import org.tongxin.organisations.OrganisationForm;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.organisations.OrganisationKind;
import org.tongxin.organisations.Organisations;
import org.tongxin.organisations.PartyOrgForm;
import org.tongxin.platform.ConcurrentChange;
import org.tongxin.platform.Exports;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.PageSize;
import org.tongxin.platform.Refused;
import org.tongxin.platform.Slice;
import org.tongxin.platform.SortOrder;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.UnitPicker;
import org.tongxin.platform.web.ListPages;
import org.tongxin.platform.web.Redirects;

/** Organisations: list, detail with members, create, edit, dissolve — always within the user's data scope. */
@Controller
class OrganisationController {

	static final int PAGE_SIZE = 20;

	private final Organisations organisations;

	private final Memberships memberships;

	private final MessageSource messages;

	private final Exports exports;

	OrganisationController(Organisations organisations, Memberships memberships, MessageSource messages,
			Exports exports) {
		this.exports = exports;
		this.organisations = organisations;
		this.memberships = memberships;
		this.messages = messages;
	}

	@GetMapping("/organisations")
	@PreAuthorize("hasAuthority('organisations:read')")
	String list(@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable PartyOrgForm form,
			@RequestParam(defaultValue = "false") boolean dissolved, @RequestParam(required = false) @Nullable Long before,
			@RequestParam(required = false) @Nullable String sort, Model model, Locale locale) {
		OrganisationFilter filter = filter(kind, unit, q, form, dissolved);
		SortOrder order = SortOrder.chosen(sort, Organisations.sorts());
		ListPages.show(model, "organisations", Slice.of(limit -> organisations.page(filter, order, before, limit),
				PageSize.chosen(PAGE_SIZE), last -> last.id().value()));
		ListPages.showCappedTotal(model, cap -> organisations.countUpTo(filter, cap));
		model.addAttribute("kinds", organisations.kindsByCode());
		model.addAttribute("cities", organisations.cities());
		model.addAttribute("forms", PartyOrgForm.values());
		model.addAttribute("kind", kind);
		model.addAttribute("unit", unit);
		model.addAttribute("q", q);
		model.addAttribute("form", form);
		model.addAttribute("dissolved", dissolved);
		return "organisations/list";
	}

	@GetMapping("/organisations/export.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('organisations:read')")
	void export(@RequestParam(required = false) @Nullable String kind,
			@RequestParam(required = false) @Nullable Long unit, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable PartyOrgForm form,
			@RequestParam(defaultValue = "false") boolean dissolved, Locale locale, HttpServletResponse response)
			throws IOException {
		OrganisationFilter filter = filter(kind, unit, q, form, dissolved);
		Map<String, OrganisationKind> kinds = organisations.kindsByCode();
		var download = exports.xlsx(response, "org.file", "org.sheet",
				Exports.columns("org.", "name", "kind", "place", "parent", "foundedOn", "registered", "targetGroups",
						"partyOrgForm", "activeMembers", "partyMembers", "partyInstructor", "contactName", "address",
						"status"));
		organisations.export(filter, rows -> download.write(rows.map(o -> List.of(o.name(),
				kindLabel(kinds, o.kind(), locale), o.place(), orEmpty(o.parentName()),
				o.foundedOn() == null ? "" : o.foundedOn().toString(),
				text(o.registered() ? "common.yes" : "common.no", locale),
				String.join("、", o.targetGroups().stream().map(g -> text("targetGroup." + g, locale)).toList()),
				text("org.partyOrgForm." + o.partyOrgForm(), locale), o.activeMembers(), o.partyMembers(),
				text(o.partyInstructor() ? "common.yes" : "common.no", locale), orEmpty(o.contactName()),
				orEmpty(o.address()), text(o.dissolved() ? "org.status.dissolved" : "org.status.active", locale)))));
	}

	@GetMapping("/organisations/{id}")
	@PreAuthorize("hasAuthority('organisations:read')")
	String detail(@PathVariable long id, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable MemberRole role,
			@RequestParam(required = false) @Nullable MembershipStatus status,
			@RequestParam(required = false) @Nullable Integer term,
			@RequestParam(defaultValue = "false") boolean open, @RequestParam(required = false) @Nullable Long after,
			Model model) {
		Organisation organisation = find(id);
		MemberFilter filter = new MemberFilter(role, status, term, open, q);
		model.addAttribute("org", organisation);
		model.addAttribute("kinds", organisations.kindsByCode());
		model.addAttribute("ancestors", organisations.ancestors(organisation.id()));
		model.addAttribute("children", organisations.children(organisation.id()));
		model.addAttribute("site", organisation.site() == null ? null : organisations.site(organisation.site()).orElse(null));
		ListPages.show(model, "members", Slice.of(limit -> memberships.page(organisation.id(), filter, after, limit),
				PageSize.chosen(PAGE_SIZE), last -> last.membership().id().value()), "nextAfter");
		model.addAttribute("memberTotal", memberships.count(organisation.id(), filter));
		model.addAttribute("roles", MemberRole.values());
		model.addAttribute("statuses", MembershipStatus.values());
		model.addAttribute("q", q);
		model.addAttribute("role", role);
		model.addAttribute("status", status);
		model.addAttribute("term", term);
		model.addAttribute("open", open);
		return "organisations/detail";
	}

	@GetMapping("/organisations/new")
	@PreAuthorize("hasAuthority('organisations:write')")
	String create(@RequestParam(required = false) @Nullable Long city, @RequestParam(required = false) @Nullable Long parent,
			Model model) {
		OrganisationForm empty = OrganisationForm.empty();
		OrganisationForm form = new OrganisationForm(null, null, null, parent, null, null, false, null, null, null, null,
				List.of(), PartyOrgForm.NONE, 0, false);
		return form(model, parent == null ? empty : form, city, null);
	}

	@PostMapping("/organisations")
	@PreAuthorize("hasAuthority('organisations:write')")
	String create(@Valid @ModelAttribute("form") OrganisationForm form, BindingResult errors,
			@RequestParam(required = false) @Nullable Long city, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return form(model, form, city, null);
		}
		try {
			Organisation created = organisations.create(form);
			return Redirects.saved(redirect, "/organisations/" + created.id());
		}
		catch (Refused e) {
			reject(errors, e);
			return form(model, form, city, null);
		}
	}

	@GetMapping("/organisations/{id}/edit")
	@PreAuthorize("hasAuthority('organisations:write')")
	String edit(@PathVariable long id, Model model) {
		Organisation organisation = find(id);
		return form(model, OrganisationForm.of(organisation), organisations.cityOf(organisation.unit()).value(),
				organisation);
	}

	@PostMapping("/organisations/{id}")
	@PreAuthorize("hasAuthority('organisations:write')")
	String update(@PathVariable long id, @RequestParam int version, @Valid @ModelAttribute("form") OrganisationForm form,
			BindingResult errors, @RequestParam(required = false) @Nullable Long city, Model model,
			RedirectAttributes redirect) {
		Organisation organisation = find(id);
		if (errors.hasErrors()) {
			return form(model, form, city, organisation);
		}
		try {
			organisations.update(organisation.id(), version, form);
		}
		catch (Refused e) {
			reject(errors, e);
			return form(model, form, city, organisation);
		}
		catch (ConcurrentChange e) {
			errors.reject("org.concurrent");
			return form(model, form, city, organisation);
		}
		return Redirects.saved(redirect, "/organisations/" + id);
	}

	/** htmx: the contact phone in clear in place of the mask, for this page view only (audited). */
	@PostMapping("/organisations/{id}/reveal")
	@PreAuthorize("hasAuthority('organisations:reveal')")
	String reveal(@PathVariable long id, @RequestParam(defaultValue = "") String reason, Model model) {
		model.addAttribute("organisationId", id);
		if (reason.isBlank()) {
			model.addAttribute("reasonMissing", true);
			return "organisations/reveal :: form";
		}
		model.addAttribute("value", organisations.revealContactPhone(new OrganisationId(id), reason));
		return "organisations/reveal :: revealed";
	}

	@PostMapping("/organisations/{id}/dissolve")
	@PreAuthorize("hasAuthority('organisations:write')")
	String dissolve(@PathVariable long id, @RequestParam boolean dissolved, RedirectAttributes redirect) {
		organisations.dissolve(find(id).id(), dissolved);
		return Redirects.saved(redirect, "/organisations/" + id);
	}

	private String form(Model model, OrganisationForm form, @Nullable Long city, @Nullable Organisation organisation) {
		UnitPicker picker = organisations.unitPicker(city);
		model.addAttribute("form", form);
		model.addAttribute("org", organisation);
		model.addAttribute("picker", picker);
		model.addAttribute("kinds", organisations.kinds().stream().filter(OrganisationKind::active).toList());
		model.addAttribute("parents", organisations.active()
			.stream()
			.filter(o -> organisation == null || !o.id().equals(organisation.id()))
			.toList());
		model.addAttribute("sites", organisations.sites());
		model.addAttribute("groups", TargetGroup.values());
		model.addAttribute("forms", PartyOrgForm.values());
		return "organisations/form";
	}

	static void reject(BindingResult errors, Refused e) {
		if (e.field() == null) {
			errors.reject(e.key());
		}
		else {
			errors.rejectValue(e.field(), e.key());
		}
	}

	private Organisation find(long id) {
		return organisations.organisation(new OrganisationId(id))
			.orElseThrow(() -> new NotFound("organisation " + id));
	}

	private static OrganisationFilter filter(@Nullable String kind, @Nullable Long unit, @Nullable String q,
			@Nullable PartyOrgForm form, boolean dissolved) {
		return new OrganisationFilter(kind == null || kind.isBlank() ? null : kind, unit, blankToNull(q), form, null,
				dissolved);
	}

	static String kindLabel(Map<String, OrganisationKind> kinds, String code, Locale locale) {
		OrganisationKind kind = kinds.get(code);
		return kind == null ? code : kind.label(locale);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
