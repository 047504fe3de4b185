package org.tongxin.platform;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.tongxin.platform.security.AccountPrincipal;

/** The account behind the current request and the data scope that follows from its unit. */
@Component
public class CurrentUser {

	public Optional<Actor> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal) {
			return Optional.of(principal.actor());
		}
		return Optional.empty();
	}

	public Actor actor() {
		return find().orElseThrow(() -> new AccessDeniedException("not signed in"));
	}

	public DataScope scope() {
		return actor().scope();
	}
}
