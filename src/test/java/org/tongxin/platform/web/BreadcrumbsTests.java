package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/** Every detail page says where it sits: the menu's section, the list (a link back to it), the record. */
@PlatformTest
class BreadcrumbsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void detailPagesLeadBackToTheirList() {
		MockHttpSession central = SignIn.as(mvc, "central");
		Map<String, String> pages = Map.of(
				"/people/" + id("people_person"), "/people",
				"/organisations/" + id("org_organisation"), "/organisations",
				"/programme/projects/" + id("programme_project"), "/programme/projects",
				"/programme/sites/" + id("programme_site"), "/programme/sites",
				"/activities/events/" + id("act_event"), "/activities/events");
		pages.forEach((page, list) -> {
			String body = new String(mvc.get().uri(page).session(central).exchange().getResponse().getContentAsByteArray(),
					StandardCharsets.UTF_8);
			assertThat(body).as(page)
				.contains("<ol class=\"breadcrumb\">")
				.contains("<li class=\"breadcrumb-item\"><a href=\"" + list + "\">")
				.contains("aria-current=\"page\"");
		});
	}

	private long id(String table) {
		return jdbc.sql("select min(id) from " + table).query(Long.class).single();
	}
}
