package org.tongxin.programme.web;

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
import org.tongxin.platform.ConcurrentChange;
import org.tongxin.platform.Exports;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.PageSize;
import org.tongxin.platform.Slice;
import org.tongxin.platform.SortOrder;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.UnitPicker;
import org.tongxin.platform.web.ListPages;
import org.tongxin.platform.web.Redirects;
import org.tongxin.programme.ProgrammeMap;
import org.tongxin.programme.Site;
import org.tongxin.programme.SiteFilter;
import org.tongxin.programme.SiteForm;
import org.tongxin.programme.SiteId;
import org.tongxin.programme.SiteKind;

/** Demonstration sites: list, detail, open, edit, close — always within the user's data scope. */
@Controller
class SiteController {

	static final int PAGE_SIZE = 20;

	private final ProgrammeMap programme;

	private final MessageSource messages;

	private final Exports exports;

	SiteController(ProgrammeMap programme, MessageSource messages, Exports exports) {
		this.exports = exports;
		this.programme = programme;
		this.messages = messages;
	}

	@GetMapping("/programme/sites")
	@PreAuthorize("hasAuthority('programme:read')")
	String list(@RequestParam(required = false) @Nullable SiteKind kind,
			@RequestParam(required = false) @Nullable Long parent, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "false") boolean closed, @RequestParam(required = false) @Nullable Long before,
			@RequestParam(required = false) @Nullable String sort, Model model) {
		SiteFilter filter = filter(kind, parent, q, closed);
		SortOrder order = SortOrder.chosen(sort, ProgrammeMap.siteSorts());
		ListPages.show(model, "sites", Slice.of(limit -> programme.sites(filter, order, before, limit),
				PageSize.chosen(PAGE_SIZE), last -> last.id().value()));
		model.addAttribute("total", programme.countSites(filter));
		model.addAttribute("kinds", SiteKind.values());
		model.addAttribute("kind", kind);
		model.addAttribute("q", q);
		model.addAttribute("closed", closed);
		return "programme/sites";
	}

	@GetMapping("/programme/sites/export.xlsx")
	@StreamedExport
	@PreAuthorize("hasAuthority('programme:read')")
	void export(@RequestParam(required = false) @Nullable SiteKind kind,
			@RequestParam(required = false) @Nullable Long parent, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "false") boolean closed, Locale locale, HttpServletResponse response)
			throws IOException {
		SiteFilter filter = filter(kind, parent, q, closed);
		var download = exports
			.xlsx(response, "site.file", "site.sheet",
					Exports.columns("site.", "name", "kind", "place", "address", "openedOn", "responsibleUnit",
							"status"))
			.audited("programme-site", null, Map.of("rows", programme.countSites(filter)));
		programme.exportSites(filter, rows -> download.write(rows.map(s -> List.of(s.name(),
				text("site.kind." + s.kind(), locale), s.parentName(), orEmpty(s.address()),
				s.openedOn() == null ? "" : s.openedOn().toString(), orEmpty(s.responsibleUnit()),
				text(s.open() ? "site.status.open" : "site.status.closed", locale)))));
	}

	@GetMapping("/programme/sites/{id}")
	@PreAuthorize("hasAuthority('programme:read')")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("site", find(id));
		return "programme/site";
	}

	@GetMapping("/programme/sites/new")
	@PreAuthorize("hasAuthority('programme:write')")
	String create(@RequestParam(required = false) @Nullable Long city, Model model) {
		SiteForm form = SiteForm.empty();
		return form(model, form, city, null);
	}

	@PostMapping("/programme/sites")
	@PreAuthorize("hasAuthority('programme:write')")
	String create(@Valid @ModelAttribute("form") SiteForm form, BindingResult errors,
			@RequestParam(required = false) @Nullable Long city, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			return form(model, form, city, null);
		}
		Site site = programme.openSite(form);
		return Redirects.saved(redirect, "/programme/sites/" + site.id());
	}

	@GetMapping("/programme/sites/{id}/edit")
	@PreAuthorize("hasAuthority('programme:write')")
	String edit(@PathVariable long id, Model model) {
		Site site = find(id);
		return form(model, SiteForm.of(site), programme.cityOf(site.parent()).value(), site);
	}

	@PostMapping("/programme/sites/{id}")
	@PreAuthorize("hasAuthority('programme:write')")
	String update(@PathVariable long id, @RequestParam int version, @Valid @ModelAttribute("form") SiteForm form,
			BindingResult errors, @RequestParam(required = false) @Nullable Long city, Model model,
			RedirectAttributes redirect) {
		Site site = find(id);
		if (errors.hasErrors()) {
			return form(model, form, city, site);
		}
		try {
			programme.updateSite(site.id(), version, form);
		}
		catch (ConcurrentChange e) {
			errors.reject("site.concurrent");
			return form(model, form, city, site);
		}
		return Redirects.saved(redirect, "/programme/sites/" + id);
	}

	@PostMapping("/programme/sites/{id}/close")
	@PreAuthorize("hasAuthority('programme:write')")
	String close(@PathVariable long id, @RequestParam boolean closed, RedirectAttributes redirect) {
		programme.closeSite(find(id).id(), closed);
		return Redirects.saved(redirect, "/programme/sites/" + id);
	}

	private String form(Model model, SiteForm form, @Nullable Long city, @Nullable Site site) {
		UnitPicker picker = programme.unitPicker(city);
		model.addAttribute("form", form);
		model.addAttribute("site", site);
		model.addAttribute("picker", picker);
		model.addAttribute("kinds", SiteKind.values());
		return "programme/site-form";
	}

	private Site find(long id) {
		return programme.site(new SiteId(id)).orElseThrow(() -> new NotFound("site", new SiteId(id)));
	}

	private static SiteFilter filter(@Nullable SiteKind kind, @Nullable Long parent, @Nullable String q, boolean closed) {
		return new SiteFilter(kind, parent, blankToNull(q), closed);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

}
