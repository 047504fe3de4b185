package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Every export, as every demo account: the file (200), or a refusal (403, or 404 for what lies outside the
 * account's scope) — never a server error. The exports are found in the handler mapping (a path with "export",
 * a file extension of a download, or a producible spreadsheet/CSV type), so one added tomorrow is tested too.
 */
@PlatformTest
class ExportEndpointsTests {

	static final List<String> ACCOUNTS = List.of("admin", "secadmin", "auditor", "central", "sichuan", "chengdu",
			"shenzhen", "yuzhong", "reviewer");

	/** Path variables whose values are words, not ids; a public id (UUID) is a random one; anything else is 1. */
	static final Map<String, List<String>> WORDS = Map.of("table", List.of("kinds", "groups", "coverage"));

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	static boolean isExport(Endpoint endpoint) {
		String path = endpoint.pattern().toLowerCase(java.util.Locale.ROOT);
		return endpoint.method() == RequestMethod.GET && (path.contains("export") || path.endsWith(".xlsx")
				|| path.endsWith(".csv") || path.endsWith(".pdf") || endpoint.produces()
					.stream()
					.anyMatch(type -> type.contains("spreadsheet") || type.contains("csv") || type.contains("pdf")));
	}

	static List<String> uris(Endpoint endpoint) {
		List<String> uris = new ArrayList<>(List.of(endpoint.pattern()));
		for (Endpoint.Parameter variable : endpoint.pathVariables()) {
			// Jobs are named by random public ids: one nobody has (404) stands for any.
			List<String> values = variable.type() == java.util.UUID.class ? List.of(java.util.UUID.randomUUID().toString())
					: WORDS.getOrDefault(variable.name(), List.of("1"));
			List<String> next = new ArrayList<>();
			for (String uri : uris) {
				for (String value : values) {
					next.add(uri.replaceFirst("\\{" + variable.name() + "(:[^}]*)?}", value));
				}
			}
			uris = next;
		}
		return uris;
	}

	@Test
	void everyExportAnswersEveryDemoAccountWithTheFileOrARefusalNeverAServerError() {
		List<Endpoint> exports = Endpoint.all(mapping).stream().filter(ExportEndpointsTests::isExport).toList();
		assertThat(exports).as("exports found in the handler mapping")
			.hasSizeGreaterThanOrEqualTo(20)
			.extracting(Endpoint::pattern)
			.contains("/activities/events/export.xlsx", "/people/export.xlsx", "/people/export.csv",
					"/system/units/export.xlsx");

		Map<String, Integer> delivered = new LinkedHashMap<>();
		List<String> failures = new ArrayList<>();
		for (String account : ACCOUNTS) {
			MockHttpSession session = SignIn.as(mvc, account);
			for (Endpoint export : exports) {
				for (String uri : uris(export)) {
					MvcTestResult result = mvc.get().uri(uri).session(session).exchange();
					int status = result.getUnresolvedException() != null ? 500
							: result.getMvcResult().getResponse().getStatus();
					if (status != 200 && status != 403 && status != 404) {
						failures.add(account + " GET " + uri + " -> " + status
								+ (result.getUnresolvedException() == null ? "" : " " + result.getUnresolvedException()));
					}
					if (status == 200) {
						assertThat(result.getMvcResult().getResponse().getContentAsByteArray()).as(account + " " + uri)
							.isNotEmpty();
						delivered.merge(uri, 1, Integer::sum);
					}
				}
			}
		}
		System.out.println("Exports delivered (uri -> accounts): " + delivered);
		assertThat(failures).as("exports that failed").isEmpty();
		assertThat(delivered).as("exports some account could download")
			.containsKeys("/activities/events/export.xlsx", "/people/export.xlsx", "/system/units/export.xlsx",
					"/audit/export.xlsx");
	}
}
