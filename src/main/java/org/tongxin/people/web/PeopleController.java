package org.tongxin.people.web;

import static org.tongxin.platform.Texts.blankToNull;
import static org.tongxin.platform.Texts.orEmpty;

import java.io.IOException;
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
import org.tongxin.people.ConsentForm;
import org.tongxin.people.ConsentState;
import org.tongxin.people.DictionaryLabels;
import org.tongxin.people.ExportedPerson;
import org.tongxin.people.LegalBasis;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.Person;
import org.tongxin.people.PersonFilter;
import org.tongxin.people.PersonForm;
import org.tongxin.people.PersonId;
import org.tongxin.people.PersonSummary;
import org.tongxin.people.PlatformAccountForm;
import org.tongxin.people.SensitiveField;
import org.tongxin.people.Sex;
import org.tongxin.people.internal.ExactSearches;
import org.tongxin.platform.ConcurrentChange;
import org.tongxin.platform.Exports;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.PageSize;
import org.tongxin.platform.Refused;
import org.tongxin.platform.Slice;
import org.tongxin.platform.SortOrder;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.Tally;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitPicker;
import org.tongxin.platform.web.ListPages;
import org.tongxin.platform.web.Redirects;

/** The person list with search and exports, the person's page with its tabs, create, edit, anonymise, reveal. */
@Controller
class PeopleController {

	/** The export's columns, as message keys. */
	private static final List<String> COLUMNS = Exports.columns("person.", "name", "sex", "birthDate", "ethnicity",
			"idNumber", "phone", "email", "education", "affiliation", "group", "subgroup", "employer", "position",
			"sector", "place", "tags", "legalBasis", "consentState");

	static final int PAGE_SIZE = 20;

	/** Lists count their rows exactly up to this number and show "more than" beyond it. */
	static final long COUNT_CAP = 10_000;

	/**
	 * A search counts its matches only up to a thousand ("超过 1,000 条"): beyond that it needs narrowing, not
	 * a number, and counting further reads a heap page per match (a common name across a province).
	 */
	static final long SEARCH_COUNT_CAP = 1_000;

	/**
	 * The longest list its column headers sort: the filtered set is read and sorted whole for every page, as no
	 * index orders a scope's persons by name. A district's or a searched-for name's few thousand sort in
	 * milliseconds; a city's million would not, and need a filter first.
	 */
	static final long SORTABLE_UP_TO = 10_000;

	static final List<String> TABS = List.of("profile", "history", "consent", "organisations", "activities");

	private final PeopleRegistry registry;

	private final MessageSource messages;

	private final org.tongxin.platform.DemoMode demoMode;

	private final Exports exports;

	PeopleController(PeopleRegistry registry, MessageSource messages, org.tongxin.platform.DemoMode demoMode,
			Exports exports) {
		this.exports = exports;
		this.registry = registry;
		this.messages = messages;
		this.demoMode = demoMode;
	}

	@GetMapping("/people")
	@PreAuthorize("hasAuthority('people:read')")
	String list(@ModelAttribute("filter") FilterParams params, @RequestParam(required = false) @Nullable Long before,
			@RequestParam(required = false) @Nullable String sort, Model model, Locale locale) {
		PersonFilter filter = params.toFilter();
		SortOrder chosen = SortOrder.chosen(sort, PeopleRegistry.sorts());
		// A chosen order holds only for a list known to be short enough to sort on every view (Persons#sortedPage).
		Tally sortable = chosen == null ? null : registry.tally(filter, SORTABLE_UP_TO);
		SortOrder order = sortable != null && sortable.kind() == Tally.Kind.EXACT ? chosen : null;
		Slice<PersonSummary> slice = Slice.of(limit -> order == null ? registry.page(filter, before, limit)
				: registry.sortedPage(filter, order, before, limit), PageSize.chosen(PAGE_SIZE), last -> last.id().value());
		List<PersonSummary> shown = ListPages.show(model, "people", slice);
		model.addAttribute("filterQuery", params.query());
		// A first page that is not full is the whole list. Otherwise exact up to 10,000, or the planner's estimate
		// when that is far beyond: an exact count of a large city's registry would cost more than the page.
		Tally total = order != null ? sortable
				: before == null && !slice.hasNext() ? Tally.exact(shown.size())
						: registry.tally(filter, filter.query() == null ? COUNT_CAP : SEARCH_COUNT_CAP);
		model.addAttribute("total", total.value());
		model.addAttribute("totalKind", total.kind().name());
		model.addAttribute("sortable", total.kind() == Tally.Kind.EXACT && total.value() <= SORTABLE_UP_TO);
		model.addAttribute("sortRefused", chosen != null && order == null);
		model.addAttribute("labels", registry.labels(locale));
		model.addAttribute("filterUnits", filterUnits());
		model.addAttribute("consentStates", ConsentState.values());
		return "people/list";
	}

	/**
	 * The list's hint "其中 151 条超过保留期限", fetched by the list page after it has shown (htmx): counting the
	 * records past the retention date reads the national date index (half a million entries at ten million
	 * persons, 50 ms) whatever the scope, and the list should not wait for a hint.
	 */
	@GetMapping("/people/retention-count")
	@PreAuthorize("hasAuthority('people:read')")
	String retentionCount(@ModelAttribute("filter") FilterParams params, Model model) {
		PersonFilter filter = params.toFilter();
		model.addAttribute("beyondRetention", filter.beyondRetention() ? 0
				: Math.min(registry.countUpTo(filter.beyondRetentionOnly(), COUNT_CAP + 1), COUNT_CAP));
		model.addAttribute("filterQuery", params.query());
		return "people/list :: retention";
	}

	@GetMapping("/people/export.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('people:export')")
	void exportXlsx(@ModelAttribute FilterParams params, Locale locale, HttpServletResponse response) throws IOException {
		DictionaryLabels labels = registry.labels(locale);
		var download = exports.xlsx(response, "person.file", "person.sheet", COLUMNS);
		registry.export(params.toFilter(), "xlsx", rows -> download.write(rows.map(row -> cells(row, labels, locale))));
	}

	@GetMapping("/people/export.csv")
	@StreamedExport
	@PreAuthorize("hasAuthority('people:export')")
	void exportCsv(@ModelAttribute FilterParams params, Locale locale, HttpServletResponse response) throws IOException {
		DictionaryLabels labels = registry.labels(locale);
		var download = exports.csv(response, "person.file", COLUMNS);
		registry.export(params.toFilter(), "csv", rows -> download.write(rows.map(row -> cells(row, labels, locale))));
	}

	@GetMapping("/people/{id}")
	@PreAuthorize("hasAuthority('people:read')")
	String detail(@PathVariable long id, @RequestParam(defaultValue = "profile") String tab, Model model, Locale locale) {
		Person person = registry.get(new PersonId(id));
		String shown = TABS.contains(tab) ? tab : "profile";
		model.addAttribute("person", person);
		// A duplicate merged away is shown read-only, with the way to the record it lives on as.
		model.addAttribute("mergedInto", registry.mergedInto(person.id()).orElse(null));
		model.addAttribute("beyondRetention", registry.beyondRetention(person));
		model.addAttribute("tab", shown);
		model.addAttribute("tabs", TABS);
		model.addAttribute("labels", registry.labels(locale));
		switch (shown) {
			case "history" -> model.addAttribute("history", registry.history(person.id()));
			case "consent" -> {
				model.addAttribute("consents", registry.consents(person.id()));
				model.addAttribute("consentEvents", org.tongxin.people.ConsentEvent.values());
				model.addAttribute("consentScopes", org.tongxin.people.ConsentScope.values());
				if (!model.containsAttribute("consentForm")) {
					model.addAttribute("consentForm", ConsentForm.empty());
				}
			}
			case "profile" -> {
				model.addAttribute("accounts", registry.platformAccounts(person.id()));
				if (!model.containsAttribute("accountForm")) {
					model.addAttribute("accountForm", PlatformAccountForm.empty());
				}
			}
			default -> {
			}
		}
		return "people/detail";
	}

	@PostMapping("/people/{id}/consents")
	@PreAuthorize("hasAuthority('people:write')")
	String recordConsent(@PathVariable long id, @Valid @ModelAttribute("consentForm") ConsentForm form,
			BindingResult errors, Model model, Locale locale, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return detail(id, "consent", model, locale);
		}
		registry.recordConsent(new PersonId(id), form);
		return Redirects.saved(redirect, "/people/" + id + "?tab=consent");
	}

	/** htmx: the clear value in place of the masked one, for this page view only. */
	@PostMapping("/people/{id}/reveal")
	@PreAuthorize("hasAuthority('people:reveal')")
	String reveal(@PathVariable long id, @RequestParam SensitiveField field,
			@RequestParam(defaultValue = "") String reason, Model model) {
		model.addAttribute("personId", id);
		model.addAttribute("field", field);
		if (reason.isBlank()) {
			model.addAttribute("reasonMissing", true);
			return "people/reveal :: form";
		}
		try {
			model.addAttribute("value", registry.reveal(new PersonId(id), field, reason));
		}
		catch (PeopleRegistry.ConsentWithdrawn e) {
			// 200, so that htmx swaps the message in where the form was.
			model.addAttribute("scope", e.scope());
			return "people/reveal :: withdrawn";
		}
		return "people/reveal :: revealed";
	}

	@GetMapping("/people/new")
	@PreAuthorize("hasAuthority('people:write')")
	String create(@RequestParam(required = false) @Nullable Long city, Model model, Locale locale) {
		return form(model, PersonForm.empty(), city, null, locale);
	}

	@PostMapping("/people")
	@PreAuthorize("hasAuthority('people:write')")
	String create(@Valid @ModelAttribute("form") PersonForm form, BindingResult errors,
			@RequestParam(required = false) @Nullable Long city, Model model, Locale locale,
			RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				Person person = registry.create(form);
				return Redirects.saved(redirect, "/people/" + person.id());
			}
			catch (Refused e) {
				reject(errors, e);
			}
		}
		return form(model, form, city, null, locale);
	}

	@GetMapping("/people/{id}/edit")
	@PreAuthorize("hasAuthority('people:write')")
	String edit(@PathVariable long id, Model model, Locale locale) {
		Person person = editable(id);
		return form(model, PersonForm.of(person), registry.cityOf(person.unit()).value(), person, locale);
	}

	@PostMapping("/people/{id}")
	@PreAuthorize("hasAuthority('people:write')")
	String update(@PathVariable long id, @RequestParam int version, @Valid @ModelAttribute("form") PersonForm form,
			BindingResult errors, @RequestParam(required = false) @Nullable Long city, Model model, Locale locale,
			RedirectAttributes redirect) {
		Person person = editable(id);
		if (!errors.hasErrors()) {
			try {
				registry.update(person.id(), version, form);
				return Redirects.saved(redirect, "/people/" + id);
			}
			catch (Refused e) {
				reject(errors, e);
			}
			catch (ConcurrentChange e) {
				errors.reject("person.concurrent");
			}
		}
		return form(model, form, city, person, locale);
	}

	@PostMapping("/people/{id}/accounts")
	@PreAuthorize("hasAuthority('people:write')")
	String addPlatformAccount(@PathVariable long id, @Valid @ModelAttribute("accountForm") PlatformAccountForm form,
			BindingResult errors, Model model, Locale locale, RedirectAttributes redirect) {
		if (!errors.hasErrors()) {
			try {
				registry.addPlatformAccount(new PersonId(id), form);
				return Redirects.saved(redirect, "/people/" + id);
			}
			catch (Refused e) {
				reject(errors, e);
			}
		}
		return detail(id, "profile", model, locale);
	}

	@PostMapping("/people/{id}/accounts/{account}/delete")
	@PreAuthorize("hasAuthority('people:write')")
	String removePlatformAccount(@PathVariable long id, @PathVariable long account, RedirectAttributes redirect) {
		registry.removePlatformAccount(new PersonId(id), account);
		return Redirects.saved(redirect, "/people/" + id);
	}

	@PostMapping("/people/{id}/anonymise")
	@PreAuthorize("hasAuthority('people:write')")
	String anonymise(@PathVariable long id, RedirectAttributes redirect) {
		registry.anonymise(new PersonId(id));
		redirect.addFlashAttribute("anonymised", true);
		return "redirect:/people/" + id;
	}

	private Person editable(long id) {
		Person person = registry.get(new PersonId(id));
		if (person.anonymised()) {
			throw new NotFound("person", person.id());
		}
		registry.requireNotMergedAway(person.id());
		return person;
	}

	private String form(Model model, PersonForm form, @Nullable Long city, @Nullable Person person, Locale locale) {
		UnitPicker picker = registry.unitPicker(city);
		model.addAttribute("form", form);
		model.addAttribute("person", person);
		model.addAttribute("picker", picker);
		model.addAttribute("labels", registry.labels(locale));
		model.addAttribute("sexes", Sex.values());
		model.addAttribute("legalBases", LegalBasis.values());
		return "people/form";
	}

	/**
	 * Too many searches for whole phone or ID numbers this minute (list or export): a page that says so, with
	 * 429; the refusal is already audited.
	 */
	@org.springframework.web.bind.annotation.ExceptionHandler(ExactSearches.TooManyExactSearches.class)
	@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS)
	org.springframework.web.servlet.ModelAndView tooManyExactSearches(ExactSearches.TooManyExactSearches e,
			jakarta.servlet.http.HttpServletRequest request) {
		org.springframework.web.servlet.ModelAndView page = new org.springframework.web.servlet.ModelAndView("people/limited");
		page.addObject("perMinute", e.perMinute());
		// An exception handler's model does not get the shell's @ModelAttributes (ShellAdvice): the layout's own.
		page.addObject("demoMode", demoMode.enabled());
		page.addObject("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
		page.addObject("switchToEnglish", request.getRequestURI() + "?lang=en");
		page.addObject("switchToChinese", request.getRequestURI() + "?lang=zh-CN");
		return page;
	}

	/** Units for the list filter: the cities of the scope, or — for one city or less — the city and its districts. */
	private List<Unit> filterUnits() {
		// With one city or none, the picker has already chosen: its units are the city and the districts.
		UnitPicker picker = registry.unitPicker(null);
		return picker.units().isEmpty() ? picker.cities() : picker.units();
	}

	private static void reject(BindingResult errors, Refused e) {
		e.fields().forEach((field, code) -> errors.rejectValue(field, code));
	}

	private List<?> cells(ExportedPerson row, DictionaryLabels labels, Locale locale) {
		Person p = row.person();
		List<Object> cells = new ArrayList<>();
		cells.add(orEmpty(p.name()));
		cells.add(p.sex() == null ? "" : text("person.sex." + p.sex(), locale));
		cells.add(Births.text(p.birthDate(), p.birthDecade(), messages, locale));
		cells.add(labels.of("ETHNICITY", p.ethnicity()));
		cells.add(orEmpty(row.idNumber()));
		cells.add(orEmpty(row.phone()));
		cells.add(orEmpty(row.email()));
		cells.add(labels.of("EDUCATION", p.education()));
		cells.add(p.party() == null ? labels.of("AFFILIATION", p.affiliation()) : labels.of("PARTY", p.party()));
		cells.add(labels.of("GROUP", p.group()));
		cells.add(labels.of("SUBGROUP", p.subgroup()));
		cells.add(orEmpty(p.employer()));
		cells.add(orEmpty(p.position()));
		cells.add(labels.of("SECTOR", p.sector()));
		cells.add(p.place());
		cells.add(String.join(" ", p.tags()));
		cells.add(text("person.legalBasis." + p.legalBasis(), locale));
		cells.add(text("person.consentState." + p.consentState(), locale));
		return cells;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	/** The list's query parameters, bound by name; blanks mean "any". */
	record FilterParams(@Nullable String q, @Nullable String group, @Nullable String subgroup, @Nullable Long unit,
			@Nullable String affiliation, @Nullable Integer minAge, @Nullable Integer maxAge, @Nullable String tag,
			@Nullable ConsentState consent, @Nullable String employer, @Nullable Boolean stale) {

		PersonFilter toFilter() {
			return new PersonFilter(blankToNull(q), blankToNull(group), blankToNull(subgroup), unit,
					blankToNull(affiliation), minAge, maxAge, blankToNull(tag), consent, blankToNull(employer),
					Boolean.TRUE.equals(stale));
		}

		/** The query string (encoded, no "?") for links that keep the filter: pager and exports. */
		String query() {
			org.springframework.web.util.UriComponentsBuilder params = org.springframework.web.util.UriComponentsBuilder.newInstance();
			java.util.function.BiConsumer<String, @Nullable Object> put = (k, v) -> {
				if (v != null && !v.toString().isBlank()) {
					params.queryParam(k, v.toString().strip());
				}
			};
			put.accept("q", q);
			put.accept("group", group);
			put.accept("subgroup", subgroup);
			put.accept("unit", unit);
			put.accept("affiliation", affiliation);
			put.accept("minAge", minAge);
			put.accept("maxAge", maxAge);
			put.accept("tag", tag);
			put.accept("consent", consent);
			put.accept("employer", employer);
			put.accept("stale", Boolean.TRUE.equals(stale) ? true : null);
			String query = params.encode().build().getQuery();
			return query == null ? "" : query;
		}
	}
}
