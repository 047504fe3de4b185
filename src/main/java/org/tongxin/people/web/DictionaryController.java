package org.tongxin.people.web;

import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.tongxin.people.PeopleRegistry;
import org.tongxin.platform.Refused;
import org.tongxin.platform.web.Redirects;

/** The registry's code lists: business data, kept by the central office (people:dictionary). */
@Controller
class DictionaryController {

	private final PeopleRegistry registry;

	DictionaryController(PeopleRegistry registry) {
		this.registry = registry;
	}

	record EntryForm(@NotBlank(message = "{dictionary.kind.required}") @Nullable String kind,
			@NotBlank(message = "{dictionary.code.invalid}") @Pattern(regexp = "[A-Z0-9_]{1,30}", message = "{dictionary.code.invalid}") @Nullable String code,
			@NotBlank(message = "{dictionary.labelZh.required}") @Size(max = 100, message = "{dictionary.label.size}") @Nullable String labelZh,
			@NotBlank(message = "{dictionary.labelEn.required}") @Size(max = 100, message = "{dictionary.label.size}") @Nullable String labelEn,
			@Nullable String parent, @Nullable Integer sort) {
	}

	@GetMapping("/people/dictionaries")
	@PreAuthorize("hasAuthority('people:dictionary')")
	String list(@RequestParam(defaultValue = "GROUP") String kind, Model model, Locale locale) {
		if (!model.containsAttribute("entry")) {
			model.addAttribute("entry", new EntryForm(kind, null, null, null, null, null));
		}
		List<String> kinds = registry.dictionaryKinds();
		String shown = kinds.contains(kind) ? kind : "GROUP";
		model.addAttribute("kinds", kinds);
		model.addAttribute("kind", shown);
		model.addAttribute("entries", registry.labels(locale).all(shown));
		return "people/dictionaries";
	}

	@PostMapping("/people/dictionaries")
	@PreAuthorize("hasAuthority('people:dictionary')")
	String add(@Valid @ModelAttribute("entry") EntryForm entry, BindingResult errors, Model model, Locale locale,
			RedirectAttributes redirect) {
		String kind = entry.kind() == null ? "GROUP" : entry.kind();
		if (!errors.hasErrors()) {
			if (!registry.dictionaryKinds().contains(kind)) {
				errors.rejectValue("kind", "dictionary.kind.required");
			}
			else {
				try {
					registry.addDictionaryEntry(kind, java.util.Objects.requireNonNull(entry.code()),
							java.util.Objects.requireNonNull(entry.labelZh()).strip(),
							java.util.Objects.requireNonNull(entry.labelEn()).strip(),
							entry.parent() == null || entry.parent().isBlank() ? null : entry.parent().strip(),
							entry.sort() == null ? 1000 : entry.sort());
					return Redirects.saved(redirect, "/people/dictionaries?kind=" + kind);
				}
				catch (Refused e) {
					e.fields().forEach((field, code) -> errors.rejectValue(field, code));
				}
			}
		}
		return list(kind, model, locale);
	}

	@PostMapping("/people/dictionaries/{kind}/{code}/active")
	@PreAuthorize("hasAuthority('people:dictionary')")
	String activate(@PathVariable String kind, @PathVariable String code, @RequestParam boolean active,
			RedirectAttributes redirect) {
		registry.activateDictionaryEntry(kind, code, active);
		return Redirects.saved(redirect, "/people/dictionaries?kind=" + kind);
	}
}
