package org.tongxin.people;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Persons created through the API, as a user would, with unique names so tests can find them again. */
final class PeopleFixtures {

	/** Paths of the demo accounts' units, for scoped repository calls in tests. */
	static final String CHENGDU_PATH = "1.510000.510100";

	private PeopleFixtures() {
	}

	static String idNumber(String area, LocalDate birth, int sequence) {
		return IdNumber.of(area, birth, sequence).value();
	}

	static MvcTestResult create(MockMvcTester mvc, MockHttpSession session, String json) {
		return mvc.post()
			.uri("/api/v1/people")
			.session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	static String json(long unit, String name, String idNumber, String phone, String group, String employer) {
		return """
				{"unit": %d, "name": "%s", "idNumber": "%s", "phone": "%s", "group": "%s", "employer": "%s",
				 "ethnicity": "01", "education": "BACHELOR", "affiliation": "MASSES", "legalBasis": "CONSENT",
				 "religion": "佛教", "tags": "测试 青年"}""".formatted(unit, name, idNumber, phone, group, employer);
	}

	static long idOf(JdbcClient jdbc, String name) {
		return jdbc.sql("select id from people_person where name = ?").param(name).query(Long.class).single();
	}
}
