package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.SignIn;

/** The pages tests' check that a module's screens open in a language with every message key found. */
public final class RenderedPages {

	private RenderedPages() {
	}

	/** Signs {@code user} in, chooses {@code language} and opens every path: 200, and no missing message key. */
	public static void assertRendered(MockMvcTester mvc, String language, String user, String... paths) {
		MockHttpSession session = SignIn.as(mvc, user);
		session.setAttribute(AccountLocaleResolver.SESSION_ATTRIBUTE, Locale.forLanguageTag(language));
		for (String path : paths) {
			var result = mvc.get().uri(path).session(session).exchange();
			assertThat(result).as(user + " " + path).hasStatusOk();
			// Thymeleaf prints ??key_locale?? for a key it cannot find.
			assertThat(result).as(user + " " + path + " " + language).bodyText().doesNotContain("??");
		}
	}
}
