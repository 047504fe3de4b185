package org.tongxin.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.Units;

@Controller
class HomeController {

	private final CurrentUser currentUser;

	private final Units units;

	HomeController(CurrentUser currentUser, Units units) {
		this.currentUser = currentUser;
		this.units = units;
	}

	@GetMapping("/")
	String home(Model model) {
		var actor = currentUser.actor();
		model.addAttribute("actor", actor);
		model.addAttribute("unit", units.get(actor.unit()));
		return "platform/home";
	}

	/** @param throttled the seconds to wait, set by the sign-in throttle; shown only when it is a number */
	@GetMapping("/login")
	String login(@RequestParam(required = false) @Nullable String throttled, Model model) {
		if (throttled != null && throttled.matches("\\d{1,6}")) {
			model.addAttribute("throttledSeconds", Long.toString(Long.parseLong(throttled)));
		}
		return "platform/login";
	}
}
