package org.tongxin.platform.accounts.web;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.platform.Actor;
import org.tongxin.platform.CurrentUser;

/**
 * Who the caller is: lets an integrating system check its API token and see the permissions and unit
 * (hence the data scope) it acts with.
 */
@RestController
@PreAuthorize("isAuthenticated()")
class MeController {

	record Me(String username, String displayName, long unitId, List<String> permissions) {
	}

	private final CurrentUser currentUser;

	MeController(CurrentUser currentUser) {
		this.currentUser = currentUser;
	}

	@GetMapping("/api/v1/me")
	Me me() {
		Actor actor = currentUser.actor();
		return new Me(actor.username(), actor.displayName(), actor.unit().value(),
				actor.permissions().stream().sorted().toList());
	}
}
