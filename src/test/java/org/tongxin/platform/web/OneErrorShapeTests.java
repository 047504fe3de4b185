package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Every API answers a refusal in one shape, whichever module refused: an RFC 9457 Problem Detail with
 * {@code type} (the URN of its code), {@code title}, {@code status}, a {@code detail} in the caller's language,
 * the stable {@code code}, and for rejected fields {@code errors[]} of field, code and detail. One request that
 * fails in each API (people, person imports, organisations, activities, the programme map, key projects,
 * reviews), in Chinese and in English.
 */
@PlatformTest
class OneErrorShapeTests {

	private static final long NOWHERE = 987_654_321L;

	@Autowired
	MockMvcTester mvc;

	@Test
	void everyApiAnswersANotFoundInTheSameShape() {
		MockHttpSession central = SignIn.as(mvc, "central");
		List<String> unknown = List.of("/api/v1/people/" + NOWHERE, "/api/v1/people/imports/" + UUID.randomUUID(),
				"/api/v1/organisations/" + NOWHERE, "/api/v1/organisations/" + NOWHERE + "/members",
				"/api/v1/activities/events/" + NOWHERE, "/api/v1/programme/sites/" + NOWHERE,
				"/api/v1/programme/projects/" + NOWHERE, "/api/v1/programme/reviews/" + NOWHERE + "/results");
		for (String uri : unknown) {
			Map<String, Object> zh = problem(mvc.get().uri(uri).session(central).exchange(), 404, "problem.notFound");
			assertThat(zh.get("detail")).as(uri).isEqualTo("请求的内容不存在或不在您的数据范围内。");
			Map<String, Object> en = problem(mvc.get().uri(uri).session(central).header("Accept-Language", "en").exchange(),
					404, "problem.notFound");
			assertThat(en.get("detail")).as(uri).isEqualTo("This does not exist or lies outside your data scope.");
		}
	}

	@Test
	void aRuleOfEachModuleRefusesInTheSameShape() {
		MockHttpSession central = SignIn.as(mvc, "central");

		// Organisations: a rule about one field names the field.
		long organisation = firstId(mvc.get().uri("/api/v1/organisations").param("size", "1").session(central).exchange());
		Map<String, Object> reveal = problem(mvc.post().uri("/api/v1/organisations/{id}/reveal", organisation)
			.session(central).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"\"}").exchange(),
				400, "org.reveal.reasonRequired");
		assertThat(errors(reveal)).singleElement().satisfies(error -> {
			assertThat(error).containsEntry("field", "reason").containsEntry("code", "org.reveal.reasonRequired");
			assertThat(error.get("detail")).isEqualTo(reveal.get("detail"));
		});

		// Key projects: a rule about the whole request, with its message.
		long project = firstId(mvc.get().uri("/api/v1/programme/projects").param("size", "1").session(central).exchange());
		Map<String, Object> report = problem(mvc.post().uri("/api/v1/programme/projects/{id}/reports", project)
			.session(central).with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"进展\"}")
			.exchange(), 400, "report.kind.required");
		assertThat(report).doesNotContainKey("errors");

		// Activities: field by field.
		Map<String, Object> event = problem(mvc.post().uri("/api/v1/activities/events").session(central).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"title": "错误的活动", "kind": "ONLINE", "startsAt": "2027-01-10T19:00", "endsAt": "2027-01-10T18:00",
					 "audience": "OPEN"}""").exchange(), 400, "problem.invalid");
		assertThat(errors(event)).extracting(error -> error.get("field")).contains("endsAt");

		// Person imports: a choice that does not exist names the valid ones.
		Map<String, Object> mode = problem(mvc.post().uri("/api/v1/people/imports").multipart()
			.file("file", "姓名\n张三\n".getBytes(StandardCharsets.UTF_8)).param("mode", "SOMETIMES").session(central).with(csrf()).exchange(), 400,
				"import.api.invalidChoice");
		assertThat((String) mode.get("detail")).contains("mode").contains("SKIP");

		// People: a field-by-field refusal of the registry.
		Map<String, Object> person = problem(mvc.post().uri("/api/v1/people").session(central).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"name": "校验失败", "sex": "M", "group": "ENTERPRISE", "unit": 510104, "ethnicity": "01",
					 "idNumber": "110105198503050022", "legalBasis": "CONSENT"}""")
			.exchange(), 400, "problem.invalid");
		assertThat(errors(person)).extracting(error -> error.get("field")).contains("idNumber");
	}

	/** The members every problem has, whatever module refused; returns the whole body for further checks. */
	private static Map<String, Object> problem(MvcTestResult result, int status, String code) {
		assertThat(result.getUnresolvedException()).isNull();
		String body = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(result).as(body).hasStatus(status);
		assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		Map<String, Object> problem = JsonPath.read(body, "$");
		assertThat(problem).containsEntry("type", "urn:tongxin:problem:" + code)
			.containsEntry("status", status)
			.containsEntry("code", code);
		assertThat((String) problem.get("title")).isNotBlank();
		assertThat((String) problem.get("detail")).isNotBlank().isNotEqualTo(code).doesNotContain("Exception");
		assertThat(problem).doesNotContainKeys("trace", "exception", "message", "path", "error", "reason");
		if (problem.containsKey("errors")) {
			assertThat(errors(problem)).isNotEmpty()
				.allSatisfy(error -> assertThat(error).containsOnlyKeys("field", "code", "detail"));
		}
		return problem;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> errors(Map<String, Object> problem) {
		return (List<Map<String, Object>>) problem.get("errors");
	}

	private static long firstId(MvcTestResult list) {
		assertThat(list).hasStatusOk();
		return ((Number) JsonPath.read(new String(list.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8), "$.items[0].id"))
			.longValue();
	}
}
