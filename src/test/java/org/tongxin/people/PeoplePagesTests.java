package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.tongxin.platform.web.RenderedPages.assertRendered;

import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/** Every registry page renders in Chinese and in English without a missing message key. */
@PlatformTest
class PeoplePagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en" })
	void pagesRenderCompletelyInBothLanguages(String language) {
		long person = jdbc.sql("select min(id) from people_person where unit_id in (select id from platform_unit where path <@ '1.510000.510100')"
				+ " and anonymised_at is null").query(Long.class).single();
		long newMedia = jdbc.sql("select min(person_id) from people_platform_account").query(Long.class).single();
		assertRendered(mvc, language, "central", "/people",
				"/people?q=王&group=ENTERPRISE&minAge=30&maxAge=50&consent=GIVEN", "/people/new", "/people/" + person, "/people/" + newMedia, "/people/" + person + "?tab=history",
				"/people/" + person + "?tab=consent", "/people/" + person + "?tab=organisations",
				"/people/" + person + "?tab=activities", "/people/" + person + "/edit", "/people/dictionaries",
				"/people/dictionaries?kind=SUBGROUP", "/units/picker?field=unit&city=510100");
		assertRendered(mvc, language, "chengdu", "/people", "/people/new", "/people/" + person, "/people?q=0000");
		assertRendered(mvc, language, "yuzhong", "/people", "/people/new");
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en" })
	void theRevealFragmentRendersInBothLanguages(String language) {
		long person = jdbc.sql("select min(id) from people_person where anonymised_at is null").query(Long.class).single();
		MockHttpSession central = session(language, "central");
		assertThat(mvc.post().uri("/people/{id}/reveal", person).session(central).with(csrf()).param("field", "PHONE")
			.param("reason", "")).hasStatusOk().bodyText().doesNotContain("??");
	}

	@org.junit.jupiter.api.Test
	void theDictionaryTakesNewEntriesFromTheCentralOfficeOnly() {
		MockHttpSession central = SignIn.as(mvc, "central");
		assertThat(mvc.post().uri("/people/dictionaries").session(central).with(csrf()).param("kind", "PLATFORM")
			.param("code", "WEIXIN_CHANNELS").param("labelZh", "微信视频号").param("labelEn", "WeChat Channels")
			.param("sort", "90")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/people/dictionaries?kind=PLATFORM").session(central)).bodyText().contains("微信视频号");
		assertThat(mvc.post().uri("/people/dictionaries").session(central).with(csrf()).param("kind", "PLATFORM")
			.param("code", "bad code").param("labelZh", "").param("labelEn", "x")).hasStatusOk()
			.bodyText().contains("代码只能包含大写字母").contains("请填写中文名称。");
		assertThat(mvc.get().uri("/people/dictionaries").session(SignIn.as(mvc, "chengdu"))).hasStatus(403);
		assertThat(jdbc.sql("select count(*) from platform_audit_log where object_type = 'people-dictionary' and action = 'CREATE'")
			.query(Long.class).single()).isEqualTo(1);
	}

	private MockHttpSession session(String language, String user) {
		MockHttpSession session = SignIn.as(mvc, user);
		session.setAttribute("tongxin.locale", Locale.forLanguageTag(language));
		return session;
	}
}
