package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.server.ResponseStatusException;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Every error is an RFC 9457 Problem Detail with a stable code and a detail in the caller's language (zh-CN
 * unless the request asks for English), and no exception text: bad input 400, unknown 404, wrong method 405,
 * a rate limit's 429 passed through, a database that is down 503, anything unforeseen a 500 with only a
 * reference to the log.
 */
@PlatformTest
@ExtendWith(OutputCaptureExtension.class)
class ProblemDetailsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ProblemAdvice advice;

	@Autowired
	ErrorPages errorPages;

	static void isProblem(MvcTestResult result, int status, String code) {
		assertThat(result.getUnresolvedException()).isNull();
		assertThat(result).hasStatus(status);
		assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		assertThat(result).bodyJson().extractingPath("$.code").isEqualTo(code);
		assertThat(result).bodyJson().extractingPath("$.status").isEqualTo(status);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo("urn:tongxin:problem:" + code);
		assertThat(result).bodyJson().extractingPath("$.title").asString().isNotBlank();
	}

	static String detail(MvcTestResult result) {
		return com.jayway.jsonpath.JsonPath.read(
				new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8), "$.detail");
	}

	@Test
	void aNulByteInAFilterIsA400ProblemOnTheApiAndA400PageNotAServerError() {
		MockHttpSession central = SignIn.as(mvc, "central");

		MvcTestResult api = mvc.get().uri("/api/v1/people").param("q", "张\u0000").session(central).exchange();
		isProblem(api, 400, "problem.controlCharacter");
		assertThat(detail(api)).contains("控制字符");

		MvcTestResult page = mvc.get().uri("/people").param("q", "\u0000").session(central).exchange();
		assertThat(page.getUnresolvedException()).isNull();
		assertThat(page).hasStatus(400);
		assertThat(mvc.get().uri("/people").param("q", "tab\tand\r\nnewline").session(central)).hasStatusOk();
		assertThat(mvc.get().uri("/people").param("q", "\u0007").session(central)).hasStatus(400);
	}

	@Test
	void aNonNumericCursorIsA400InChineseByDefaultAndInEnglishWhenAsked() {
		MockHttpSession central = SignIn.as(mvc, "central");

		MvcTestResult zh = mvc.get().uri("/api/v1/activities/events").param("cursor", "abc").session(central).exchange();
		isProblem(zh, 400, "problem.badRequest");
		assertThat(detail(zh)).isEqualTo("请求无效：请检查所填写或传入的值。");

		MvcTestResult en = mvc.get().uri("/api/v1/activities/events").param("cursor", "abc").session(central)
			.header("Accept-Language", "en-US,en;q=0.9").exchange();
		isProblem(en, 400, "problem.badRequest");
		assertThat(detail(en)).isEqualTo("Invalid request: please check the values given.");
		assertThat(new String(en.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("NumberFormat").doesNotContain("For input");
	}

	@Test
	void aParameterOfTheWrongTypeIsA400ThatNamesIt() {
		MvcTestResult result = mvc.get().uri("/api/v1/activities/events").param("size", "many")
			.session(SignIn.as(mvc, "central")).exchange();
		isProblem(result, 400, "problem.parameterType");
		assertThat(detail(result)).isEqualTo("参数“size”的值格式不正确。");
	}

	@Test
	void malformedJsonIsA400() {
		MvcTestResult result = mvc.post().uri("/api/v1/activities/events").session(SignIn.as(mvc, "central"))
			.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"title\": ").exchange();
		isProblem(result, 400, "problem.unreadableBody");
		assertThat(new String(result.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("JSON parse error");
	}

	@Test
	void fieldErrorsOfAModuleComeAsErrorsWithFieldCodeAndDetail() {
		MvcTestResult result = mvc.post().uri("/api/v1/activities/events").session(SignIn.as(mvc, "central"))
			.with(csrf()).contentType(MediaType.APPLICATION_JSON).content("""
					{"title": "错误的活动", "kind": "ONLINE", "startsAt": "2027-01-10T19:00", "endsAt": "2027-01-10T18:00",
					 "audience": "OPEN"}""").exchange();
		isProblem(result, 400, "problem.invalid");
		assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("endsAt");
		assertThat(result).bodyJson().extractingPath("$.errors[0].detail").isEqualTo("结束时间不能早于开始时间");
		assertThat(result).bodyJson().extractingPath("$.errors[0].code").asString().isNotBlank();
	}

	@Test
	void aFormValueThatDoesNotConvertIsA400NamingTheFieldNotAServerError() {
		MvcTestResult page = mvc.post().uri("/activities/events").session(SignIn.as(mvc, "central")).with(csrf())
			.param("title", "类型错误").param("capacity", "many").exchange();
		assertThat(page.getUnresolvedException()).isNull();
		assertThat(page).hasStatus(400);
		ProblemDetail problem = (ProblemDetail) page.getRequest().getAttribute(ProblemResponses.PROBLEM);
		assertThat(problem.getProperties()).containsEntry("code", "problem.invalid");
		assertThat(problem.getProperties().get("errors")).asString().contains("capacity");
	}

	@Test
	void unknownIsA404AndAWrongMethodA405() {
		MockHttpSession central = SignIn.as(mvc, "central");
		isProblem(mvc.get().uri("/api/v1/activities/events/{id}", 987654321L).session(central).exchange(), 404,
				"problem.notFound");
		isProblem(mvc.delete().uri("/api/v1/activities/events").session(central).with(csrf()).exchange(), 405,
				"problem.methodNotAllowed");
	}

	@Test
	void aRateLimitsTooManyRequestsPassesThroughWithItsHeaders() {
		ResponseStatusException limited = new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS,
				"problem.tooManyRequests") {

			@Override
			public HttpHeaders getHeaders() {
				HttpHeaders headers = new HttpHeaders();
				headers.set(HttpHeaders.RETRY_AFTER, "60");
				return headers;
			}
		};

		ResponseEntity<?> answer = (ResponseEntity<?>) advice.other(limited, api(), new MockHttpServletResponse(),
				Locale.SIMPLIFIED_CHINESE);

		assertThat(answer.getStatusCode().value()).isEqualTo(429);
		assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("60");
		assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("code", "problem.tooManyRequests");
		assertThat(((ProblemDetail) answer.getBody()).getDetail()).isEqualTo("请求过于频繁，请稍后再试。");
	}

	@Test
	void aDatabaseThatIsDownIsA503() {
		ResponseEntity<?> answer = (ResponseEntity<?>) advice.unavailable(
				new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
						new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
				api(), new MockHttpServletResponse(), Locale.SIMPLIFIED_CHINESE);

		assertThat(answer.getStatusCode().value()).isEqualTo(503);
		ProblemDetail problem = (ProblemDetail) answer.getBody();
		assertThat(problem.getProperties()).containsEntry("code", "problem.unavailable");
		assertThat(problem.getDetail()).doesNotContain("Hikari").doesNotContain("JDBC");
	}

	@Test
	void anUnforeseenExceptionIsA500WithOnlyAReferenceThatTheLogHolds(CapturedOutput output) {
		ResponseEntity<?> answer = (ResponseEntity<?>) advice.other(
				new IllegalStateException("duplicate key (id_hash)=(110105198503050021)"), api(),
				new MockHttpServletResponse(), Locale.ENGLISH);

		assertThat(answer.getStatusCode().value()).isEqualTo(500);
		ProblemDetail problem = (ProblemDetail) answer.getBody();
		String reference = (String) problem.getProperties().get("correlationId");
		assertThat(reference).matches("[0-9a-f]{12}");
		assertThat(problem.getDetail()).contains(reference).doesNotContain("110105198503050021").doesNotContain("duplicate");
		assertThat(output.getOut()).contains("[" + reference + "]").contains("IllegalStateException");
	}

	@Test
	void anErrorThatNeverReachedAControllerIsAProblemForTheApiAndThePageForABrowser() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
		request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 404);
		request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/nowhere");
		ResponseEntity<?> api = (ResponseEntity<?>) errorPages.error(request, Locale.SIMPLIFIED_CHINESE);
		assertThat(api.getStatusCode().value()).isEqualTo(404);
		assertThat(((ProblemDetail) api.getBody()).getProperties()).containsEntry("code", "problem.notFound");

		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/error");
		page.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 400);
		page.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/people");
		page.setAttribute(ErrorPages.CODE, ControlCharacterFilter.CODE);
		var view = (org.springframework.web.servlet.ModelAndView) errorPages.error(page, Locale.SIMPLIFIED_CHINESE);
		assertThat(view.getViewName()).isEqualTo("error");
		assertThat(view.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(view.getModel()).containsEntry("detail", "请求中含有不允许的控制字符（如空字符 NUL），请删除后重试。");
	}

	@Test
	void theErrorPageShowsTheProblemsDetail() {
		MvcTestResult page = mvc.get().uri("/error").session(SignIn.as(mvc, "central"))
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/people/987654321")
			.exchange();
		assertThat(page).hasStatus(404).bodyText().contains("请求的内容不存在或不在您的数据范围内。");
	}

	private static MockHttpServletRequest api() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/people");
		request.setRequestURI("/api/v1/people");
		return request;
	}
}
