package org.tongxin.platform.security;

import java.io.Serial;
import java.util.Collection;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.tongxin.platform.Actor;
import org.tongxin.platform.accounts.Account;

/** The signed-in account as Spring Security sees it; authorities are the named permissions. */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final Actor actor;

	private final boolean enabled;

	private final boolean locked;

	private String password;

	AccountPrincipal(Account account, boolean locked) {
		this.actor = new Actor(account.id(), account.username(), account.displayName(), account.unitId(),
				account.unitPath(), account.permissions());
		this.enabled = account.enabled();
		this.locked = locked;
		this.password = account.passwordHash();
	}

	public Actor actor() {
		return actor;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return actor.permissions().stream().map(SimpleGrantedAuthority::new).toList();
	}

	@Override
	public String getPassword() {
		return password;
	}

	@Override
	public String getUsername() {
		return actor.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		password = "";
	}

	/**
	 * Equal by user name (unique and never changed), so that the session registry finds every session of an
	 * account whichever sign-in created its principal.
	 */
	@Override
	public boolean equals(Object other) {
		return other instanceof AccountPrincipal that && that.actor.username().equals(actor.username());
	}

	@Override
	public int hashCode() {
		return actor.username().hashCode();
	}
}
