package org.tongxin.platform.security;

import java.time.Clock;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.tongxin.platform.accounts.Accounts;

@Service
class AccountDetailsService implements UserDetailsService {

	private final Accounts accounts;

	private final Clock clock;

	AccountDetailsService(Accounts accounts, Clock clock) {
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return accounts.findByUsername(username)
			.map(account -> new AccountPrincipal(account, account.lockedAt(clock.instant())))
			.orElseThrow(() -> new UsernameNotFoundException(username));
	}
}
