package org.tongxin.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

	@GetMapping("/login")
	String login() {
		return "platform/login";
	}
}
