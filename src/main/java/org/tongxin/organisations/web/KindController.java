package org.tongxin.organisations.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongxin.organisations.Organisations;
import org.tongxin.platform.Refused;
import org.tongxin.platform.web.Redirects;

/** The kinds of organisation: everyone may read them; the central office adds and retires kinds. */
@Controller
class KindController {

	private final Organisations organisations;

	KindController(Organisations organisations) {
		this.organisations = organisations;
	}

	@GetMapping("/organisations/kinds")
	@PreAuthorize("hasAuthority('organisations:read')")
	String list(Model model) {
		model.addAttribute("kinds", organisations.kinds());
		return "organisations/kinds";
	}

	@PostMapping("/organisations/kinds")
	@PreAuthorize("hasAuthority('organisations:kinds')")
	String add(@RequestParam String code, @RequestParam String labelZh, @RequestParam String labelEn,
			@RequestParam(defaultValue = "false") boolean external, @RequestParam(required = false) @Nullable Integer sort,
			Model model, RedirectAttributes redirect) {
		String error = null;
		if (labelZh.isBlank() || labelEn.isBlank() || labelZh.length() > 30 || labelEn.length() > 60) {
			error = "kind.label.required";
		}
		else {
			try {
				organisations.addKind(code, labelZh, labelEn, external, sort == null ? 200 : sort);
			}
			catch (Refused e) {
				error = e.key();
			}
		}
		if (error != null) {
			model.addAttribute("kinds", organisations.kinds());
			model.addAttribute("error", error);
			model.addAttribute("code", code);
			model.addAttribute("labelZh", labelZh);
			model.addAttribute("labelEn", labelEn);
			model.addAttribute("external", external);
			return "organisations/kinds";
		}
		return Redirects.saved(redirect, "/organisations/kinds");
	}

	@PostMapping("/organisations/kinds/active")
	@PreAuthorize("hasAuthority('organisations:kinds')")
	String activate(@RequestParam String code, @RequestParam boolean active, RedirectAttributes redirect) {
		organisations.activateKind(code, active);
		return Redirects.saved(redirect, "/organisations/kinds");
	}
}
