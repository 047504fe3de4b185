package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tongxin.platform.SignIn;

/**
 * Bad input never makes a server error. Every endpoint of the handler mapping, every parameter its handler
 * reads (path variables, request parameters, fields of bound objects) is sent, one at a time, a NUL byte, an
 * over-long value, a non-number, a malformed date, a negative and a huge number (those that can go wrong for
 * its type) — as the central office, which may open almost everything — and each endpoint once anonymously. The answer may be anything but
 * a 5xx or an exception nobody handled. New endpoints and parameters are covered without touching this test.
 *
 * <p>Runs against a database of its own (a smaller demo registry): it posts garbage to every form of record 1,
 * and whatever a form accepts must not change the data other tests read.
 */
@SpringBootTest(properties = { "tongxin.demo.people=500", "tongxin.fuzz.isolated=true" })
@AutoConfigureMockMvc
class ParameterFuzzTests {

	static final Map<String, String> VALUES = new LinkedHashMap<>();

	static {
		VALUES.put("NUL", "a\u0000b");
		VALUES.put("over-long", "长x".repeat(50_000));
		VALUES.put("non-numeric", "abc");
		VALUES.put("malformed date", "2024-13-45");
		VALUES.put("negative", "-1");
		VALUES.put("huge", "99999999999999999999999");
	}

	/**
	 * The values that can go wrong for a parameter of this type: a text can be too long, a number or date can
	 * fail to parse or be out of range; NUL everywhere. Fewer requests, the same coverage: a String parameter
	 * takes "abc" as it takes any text.
	 */
	static List<String> valuesFor(Class<?> type) {
		List<String> names = new ArrayList<>(List.of("NUL"));
		if (CharSequence.class.isAssignableFrom(type)) {
			names.add("over-long");
		}
		else if (Number.class.isAssignableFrom(org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(type))) {
			names.addAll(List.of("non-numeric", "negative", "huge"));
		}
		else if (java.time.temporal.Temporal.class.isAssignableFrom(type) || java.util.Date.class.isAssignableFrom(type)) {
			names.addAll(List.of("malformed date", "non-numeric", "huge"));
		}
		else if (type.isEnum() || type == Boolean.class || type == boolean.class) {
			names.add("non-numeric");
		}
		else {
			names.addAll(List.of("over-long", "non-numeric", "malformed date", "negative", "huge"));
		}
		return names;
	}

	/** Path variables whose values are words; ids are 1 (a record that exists in this test's own database). */
	static final Map<String, String> WORDS = Map.of("table", "kinds");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	static boolean reads(Endpoint endpoint) {
		return endpoint.method() == RequestMethod.GET || endpoint.method() == RequestMethod.HEAD;
	}

	/** The URI with {@code fuzzed} set to {@code value} (when a path variable) and the others at their baseline. */
	static String uri(Endpoint endpoint, String fuzzed, String value) {
		String uri = endpoint.pattern();
		for (Endpoint.Parameter variable : endpoint.pathVariables()) {
			String replacement = variable.name().equals(fuzzed) ? value
					: variable.type() == java.util.UUID.class ? java.util.UUID.randomUUID().toString()
							: WORDS.getOrDefault(variable.name(), "1");
			uri = uri.replaceFirst("\\{" + variable.name() + "(:[^}]*)?}",
					java.util.regex.Matcher.quoteReplacement(encode(replacement)));
		}
		return uri;
	}

	static String encode(String segment) {
		return org.springframework.web.util.UriUtils.encodePathSegment(segment, java.nio.charset.StandardCharsets.UTF_8);
	}

	MvcTestResult send(Endpoint endpoint, String uri, Map<String, String> parameters, MockHttpSession session) {
		MockMvcRequestBuilder request = mvc.method(HttpMethod.valueOf(endpoint.method().name())).uri(java.net.URI.create(uri));
		parameters.forEach(request::param);
		if (session != null) {
			request.session(session);
		}
		if (!reads(endpoint)) {
			request.with(csrf());
		}
		if (endpoint.jsonBody()) {
			request.contentType(MediaType.APPLICATION_JSON).content("{}");
		}
		return request.exchange();
	}

	static String failure(MvcTestResult result) {
		if (result.getUnresolvedException() != null) {
			return "unhandled " + result.getUnresolvedException().getClass().getName();
		}
		int status = result.getMvcResult().getResponse().getStatus();
		return status >= 500 ? "status " + status : null;
	}

	@Test
	void noEndpointAnswersBadInputWithAServerError() {
		List<Endpoint> endpoints = Endpoint.all(mapping)
			.stream()
			.filter(endpoint -> !endpoint.pattern().equals("/error"))
			.toList();
		assertThat(endpoints).as("endpoints found in the handler mapping").hasSizeGreaterThan(100);
		assertThat(endpoints.stream().flatMap(e -> e.parameters().stream()).count()).as("parameters found")
			.isGreaterThan(100);
		MockHttpSession central = SignIn.as(mvc, "central");

		List<String> failures = new ArrayList<>();
		int requests = 0;
		Map<String, Long> slowest = new LinkedHashMap<>();
		for (Endpoint endpoint : endpoints) {
			java.time.Instant started = java.time.Instant.now();
			for (Endpoint.Parameter parameter : endpoint.parameters()) {
				for (String name : valuesFor(parameter.type())) {
					String value = VALUES.get(name);
					Map<String, String> query = parameter.source() == Endpoint.Source.QUERY
							? Map.of(parameter.name(), value) : Map.of();
					MvcTestResult result = send(endpoint, uri(endpoint, parameter.name(), value), query, central);
					requests++;
					String failure = failure(result);
					if (failure != null) {
						failures.add(endpoint + " " + parameter.name() + "=" + name + ": " + failure);
					}
				}
			}
			if (endpoint.jsonBody()) {
				MvcTestResult malformed = mvc.method(HttpMethod.valueOf(endpoint.method().name()))
					.uri(java.net.URI.create(uri(endpoint, "", "")))
					.session(central)
					.with(csrf())
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"title\": ")
					.exchange();
				requests++;
				if (failure(malformed) != null || malformed.getMvcResult().getResponse().getStatus() == 200) {
					failures.add(endpoint + " malformed JSON: " + (failure(malformed) == null
							? "status " + malformed.getMvcResult().getResponse().getStatus() : failure(malformed)));
				}
			}
			// Once anonymous, every parameter over-long: whatever refuses the visitor must not fail first.
			String anonymousValue = VALUES.get("over-long");
			Map<String, String> all = new LinkedHashMap<>();
			endpoint.parameters()
				.stream()
				.filter(p -> p.source() == Endpoint.Source.QUERY)
				.forEach(p -> all.put(p.name(), anonymousValue));
			String uri = endpoint.pattern();
			for (Endpoint.Parameter variable : endpoint.pathVariables()) {
				uri = uri.replaceFirst("\\{" + variable.name() + "(:[^}]*)?}",
						java.util.regex.Matcher.quoteReplacement(encode(anonymousValue)));
			}
			String failure = failure(send(endpoint, uri, all, null));
			requests++;
			if (failure != null) {
				failures.add("anonymous " + endpoint + ": " + failure);
			}
			slowest.put(endpoint.toString(), java.time.Duration.between(started, java.time.Instant.now()).toMillis());
		}
		System.out.println("Fuzzed " + endpoints.size() + " endpoints with " + requests + " requests; slowest (ms): "
				+ slowest.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8).toList());
		assertThat(failures).as("bad input that made a server error").isEmpty();
	}
}
