package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.SignIn;

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

	/** Changes a person through the API without saying which version the change was made on. */
	static MvcTestResult update(MockMvcTester mvc, MockHttpSession session, long id, String json) {
		return put(mvc, session, id, json).exchange();
	}

	/** Changes a person through the API, made on {@code version} (If-Match). */
	static MvcTestResult update(MockMvcTester mvc, MockHttpSession session, long id, int version, String json) {
		return put(mvc, session, id, json).header("If-Match", "\"" + version + "\"").exchange();
	}

	private static MockMvcTester.MockMvcRequestBuilder put(MockMvcTester mvc, MockHttpSession session, long id,
			String json) {
		return mvc.put()
			.uri("/api/v1/people/{id}", id)
			.session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json);
	}

	/** Creates a person through the API, expecting 201, and returns its id. */
	static long created(MockMvcTester mvc, JdbcClient jdbc, MockHttpSession session, long unit, String name,
			String idNumber, String phone, String group, String employer) {
		assertThat(create(mvc, session, json(unit, name, idNumber, phone, group, employer))).hasStatus(201);
		return idOf(jdbc, name);
	}

	/**
	 * The person named {@code name}, created through the API as {@code username} by the first test that asks:
	 * the tests of a class share it, and the database outlives the class.
	 */
	static long registeredOnce(MockMvcTester mvc, JdbcClient jdbc, String username, String name, String json) {
		if (jdbc.sql("select count(*) from people_person where name = ?").param(name).query(Long.class).single() == 0) {
			assertThat(create(mvc, SignIn.as(mvc, username), json)).hasStatus(201);
		}
		return idOf(jdbc, name);
	}

	/** Records a consent event on the person's consent tab, as staff do from a signed paper or a call. */
	static MvcTestResult recordConsent(MockMvcTester mvc, MockHttpSession session, long person, String event,
			String scope, String channel) {
		return mvc.post()
			.uri("/people/{id}/consents", person)
			.session(session)
			.with(csrf())
			.param("event", event)
			.param("scope", scope)
			.param("noticeVersion", "2026-01")
			.param("channel", channel)
			.exchange();
	}

	/** Asks through the API to see {@code field} of a person in full, giving {@code reason}. */
	static MvcTestResult reveal(MockMvcTester mvc, MockHttpSession session, long person, String field, String reason) {
		return mvc.post()
			.uri("/api/v1/people/{id}/reveal", person)
			.session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"field": "%s", "reason": "%s"}""".formatted(field, reason))
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
