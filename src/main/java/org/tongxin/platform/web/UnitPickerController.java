package org.tongxin.platform.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.Units;

/**
 * The second step of every owning-unit picker (fragments/unit-picker.html): when the city changes, htmx asks
 * here for the units of that city within the caller's scope and swaps in the select alone, instead of each
 * form rendering itself again. A city outside the scope yields no units.
 */
@Controller
class UnitPickerController {

	private final Units units;

	private final CurrentUser currentUser;

	UnitPickerController(Units units, CurrentUser currentUser) {
		this.units = units;
		this.currentUser = currentUser;
	}

	@GetMapping("/units/picker")
	String units(@RequestParam String field, @RequestParam(required = false) @Nullable Long city, Model model) {
		if (!field.matches("[A-Za-z]{1,40}")) {
			throw new IllegalArgumentException("field");
		}
		model.addAttribute("picker", units.picker(currentUser.scope(), city));
		model.addAttribute("field", field);
		return "fragments/unit-picker :: units";
	}
}
