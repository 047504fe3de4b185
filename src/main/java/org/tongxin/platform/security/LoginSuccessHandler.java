package org.tongxin.platform.security;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.tongxin.platform.DemoMode;
import org.tongxin.platform.accounts.Account;
import org.tongxin.platform.accounts.Accounts;
import org.tongxin.platform.web.AccountLocaleResolver;

/** After the password: restore the user's language and queue the second factor and password change. */
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	private final Accounts accounts;

	private final SecuritySettings settings;

	private final DemoMode demoMode;

	private final Clock clock;

	LoginSuccessHandler(Accounts accounts, SecuritySettings settings, DemoMode demoMode, Clock clock) {
		this.accounts = accounts;
		this.settings = settings;
		this.demoMode = demoMode;
		this.clock = clock;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		Account account = accounts.findByUsername(authentication.getName()).orElseThrow();
		HttpSession session = request.getSession();
		if (account.locale() != null) {
			session.setAttribute(AccountLocaleResolver.SESSION_ATTRIBUTE, Locale.forLanguageTag(account.locale()));
		}
		boolean mfa = mfaRequired(account);
		boolean password = account.mustChangePassword()
				|| account.passwordChangedAt().plus(settings.passwordMaxAge()).isBefore(clock.instant());
		session.setAttribute(LoginSteps.PENDING_MFA, mfa);
		session.setAttribute(LoginSteps.PENDING_PASSWORD, password);
		if (mfa || password) {
			clearAuthenticationAttributes(request);
			getRedirectStrategy().sendRedirect(request, response, LoginSteps.next(session));
			return;
		}
		super.onAuthenticationSuccess(request, response, authentication);
	}

	boolean mfaRequired(Account account) {
		return settings.adminMfa() && !demoMode.enabled() && account.isAdministrator();
	}
}
