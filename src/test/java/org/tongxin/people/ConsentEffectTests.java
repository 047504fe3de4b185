package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Issue 9, item 7 (consent): a withdrawal has an effect until consent is given again — SENSITIVE: the ID number
 * and religion cannot be revealed; BASIC: nothing can be revealed and the person leaves exports.
 */
@PlatformTest
class ConsentEffectTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	long person(String name, String id, String phone) {
		if (jdbc.sql("select count(*) from people_person where name = ?").param(name).query(Long.class).single() == 0) {
			assertThat(PeopleFixtures.create(mvc, SignIn.as(mvc, "chengdu"),
					PeopleFixtures.json(510104, name, id, phone, "NEW_MEDIA", "成都撤回传媒有限公司"))).hasStatus(201);
		}
		return PeopleFixtures.idOf(jdbc, name);
	}

	void consent(long person, String event, String scope) {
		assertThat(PeopleFixtures.recordConsent(mvc, SignIn.as(mvc, "chengdu"), person, event, scope, "书面"))
			.hasStatus3xxRedirection();
	}

	MvcTestResult reveal(MockHttpSession session, long person, String field) {
		return PeopleFixtures.reveal(mvc, session, person, field, "核对身份信息");
	}

	@Test
	void aWithdrawnSensitiveConsentStopsRevealingTheIdNumberUntilGivenAgain() {
		String id = PeopleFixtures.idNumber("510104", LocalDate.of(1983, 3, 3), 522);
		long person = person("撤回敏感测试", id, "13900001522");
		consent(person, "WITHDRAWN", "SENSITIVE");
		MockHttpSession central = SignIn.as(mvc, "central");
		long reveals = reveals(person);

		var refused = assertThat(reveal(central, person, "ID_NUMBER")).hasStatus(409).bodyJson();
		refused.extractingPath("$.detail").asString().contains("已撤回敏感个人信息").doesNotContain(id);
		refused.extractingPath("$.code").isEqualTo("people.consent.withdrawn");
		assertThat(reveal(central, person, "RELIGION")).hasStatus(409);
		assertThat(mvc.post().uri("/people/{id}/reveal", person).session(central).with(csrf())
			.param("field", "ID_NUMBER").param("reason", "核对身份")).hasStatusOk()
			.bodyText()
			.contains("已撤回敏感个人信息")
			.doesNotContain(id);
		// The phone is basic information, covered by the basic consent that still stands.
		assertThat(reveal(central, person, "PHONE")).hasStatusOk().bodyJson().extractingPath("$.value").isEqualTo("13900001522");
		assertThat(reveals(person)).isEqualTo(reveals + 1);
		// An export in clear by a holder of people:reveal masks what may not be revealed.
		assertThat(csv(central, "撤回敏感测试")).contains("撤回敏感测试").contains("*".repeat(18)).doesNotContain(id);

		consent(person, "GIVEN", "SENSITIVE");
		assertThat(reveal(central, person, "ID_NUMBER")).hasStatusOk().bodyJson().extractingPath("$.value").isEqualTo(id);
	}

	@Test
	void aWithdrawnBasicConsentTakesThePersonOutOfExportsUntilGivenAgain() {
		String id = PeopleFixtures.idNumber("510104", LocalDate.of(1986, 6, 6), 731);
		long person = person("撤回基本测试", id, "13900001731");
		MockHttpSession central = SignIn.as(mvc, "central");
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(csv(chengdu, "撤回基本测试")).contains("撤回基本测试");

		consent(person, "WITHDRAWN", "BASIC");
		assertThat(csv(chengdu, "撤回基本测试")).doesNotContain("撤回基本测试");
		assertThat(csv(central, "撤回基本测试")).doesNotContain("撤回基本测试").doesNotContain(id);
		assertThat(reveal(central, person, "PHONE")).hasStatus(409).bodyJson().extractingPath("$.detail").asString()
			.contains("已撤回个人信息处理同意");
		// Still in the registry and its list: the record is kept, it is only not processed further.
		assertThat(mvc.get().uri("/people?q={q}", "撤回基本测试").session(chengdu)).bodyText().contains("撤回基本测试");

		consent(person, "GIVEN", "BASIC");
		assertThat(csv(chengdu, "撤回基本测试")).contains("撤回基本测试");
	}

	String csv(MockHttpSession session, String q) {
		try {
			return mvc.get().uri("/people/export.csv?q={q}", q).session(session).exchange().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	long reveals(long person) {
		return jdbc.sql("select count(*) from platform_audit_log where action = 'REVEAL' and object_id = ?")
			.param(Long.toString(person)).query(Long.class).single();
	}
}
