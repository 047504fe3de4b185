package org.tongxin.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.LocaleResolver;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.accounts.Accounts;

/**
 * zh-CN unless the user chose otherwise. A choice made while signed in is stored on the account and
 * restored at the next sign-in on any device; before sign-in a cookie remembers it.
 */
public class AccountLocaleResolver implements LocaleResolver {

	public static final String SESSION_ATTRIBUTE = "tongxin.locale";

	public static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

	static final String COOKIE = "tongxin-lang";

	private static final Set<String> SUPPORTED = Set.of("zh-CN", "en");

	private final Accounts accounts;

	private final CurrentUser currentUser;

	public AccountLocaleResolver(Accounts accounts, CurrentUser currentUser) {
		this.accounts = accounts;
		this.currentUser = currentUser;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		// API clients say their language per request (RFC 9110 Accept-Language); pages keep the user's choice.
		String acceptLanguage = request.getHeader("Accept-Language");
		if (acceptLanguage != null && ProblemResponses.path(request).startsWith("/api/")) {
			try {
				Locale asked = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage),
						List.of(DEFAULT, Locale.ENGLISH, Locale.CHINESE));
				if (asked != null) {
					return asked.getLanguage().equals("en") ? Locale.ENGLISH : DEFAULT;
				}
			}
			catch (IllegalArgumentException e) {
				// A malformed header asks for nothing: the default below.
			}
		}
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Locale locale) {
			return locale;
		}
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName()) && SUPPORTED.contains(cookie.getValue())) {
					return Locale.forLanguageTag(cookie.getValue());
				}
			}
		}
		return DEFAULT;
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		Locale chosen = locale != null && locale.getLanguage().equals("en") ? Locale.ENGLISH : DEFAULT;
		request.getSession().setAttribute(SESSION_ATTRIBUTE, chosen);
		if (response != null) {
			Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
			cookie.setPath("/");
			cookie.setHttpOnly(true);
			cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
			response.addCookie(cookie);
		}
		currentUser.find().ifPresent(actor -> accounts.updateLocale(actor.accountId(), chosen.toLanguageTag()));
	}
}
