package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Every keyset-paged list has the one pager: the next page keeps the page's filters as sent and moves the
 * cursor; the first page drops the cursor and keeps the filters.
 */
@PlatformTest
class PagerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theNextAndFirstPageKeepTheFiltersAndMoveOnlyTheCursor() {
		MockHttpSession central = SignIn.as(mvc, "central");
		MvcTestResult first = mvc.get().uri(java.net.URI.create("/people?q=%E7%8E%8B&group=ENTERPRISE")).session(central).exchange();
		String next = link(first, "next-page");
		assertThat(next).matches("/people\\?q=%E7%8E%8B&group=ENTERPRISE&page=2&before=\\d+");
		assertThat(first).bodyText().doesNotContain("第一页");

		MvcTestResult second = mvc.get().uri(java.net.URI.create(next)).session(central).exchange();
		assertThat(second).hasStatusOk().bodyText().contains("第一页").contains("第 2 页");
		assertThat(new String(second.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8))
			.contains("href=\"/people?q=%E7%8E%8B&amp;group=ENTERPRISE\"");
		assertThat(link(second, "next-page")).matches("/people\\?q=%E7%8E%8B&group=ENTERPRISE&page=3&before=\\d+")
			.isNotEqualTo(next);
	}

	@Test
	void thePageSizeIsOneOfTheChoicesAndStartsTheListAgain() {
		MockHttpSession central = SignIn.as(mvc, "central");
		MvcTestResult standard = mvc.get().uri(java.net.URI.create("/people?group=ENTERPRISE")).session(central).exchange();
		int rows = rows(standard);
		String hundred = new String(standard.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(hundred).contains("href=\"/people?group=ENTERPRISE&amp;size=100\">100 条</a>");

		assertThat(rows(mvc.get().uri(java.net.URI.create("/people?group=ENTERPRISE&size=100")).session(central).exchange()))
			.isEqualTo(100).isGreaterThan(rows);
		// Not one of the choices: the list's own size, not ten thousand rows.
		assertThat(rows(mvc.get().uri(java.net.URI.create("/people?group=ENTERPRISE&size=10000")).session(central).exchange()))
			.isEqualTo(rows);
	}

	private static int rows(MvcTestResult page) {
		assertThat(page).hasStatusOk();
		String body = new String(page.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		return body.split("<td class=\"text-nowrap\"><a href=\"/people/", -1).length - 1;
	}

	@Test
	void aListThatFitsOnOnePageHasNoPager() {
		MvcTestResult page = mvc.get().uri("/organisations/imports").session(SignIn.as(mvc, "yuzhong")).exchange();
		assertThat(page).hasStatusOk();
		assertThat(new String(page.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8)).doesNotContain("class=\"pager\"");
	}

	private static String link(MvcTestResult page, String id) {
		Matcher anchor = Pattern.compile("<a\\b[^>]*\\bid=\"" + id + "\"[^>]*>")
			.matcher(new String(page.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
		assertThat(anchor.find()).as(id).isTrue();
		Matcher href = Pattern.compile("\\bhref=\"([^\"]+)\"").matcher(anchor.group());
		assertThat(href.find()).isTrue();
		return href.group(1).replace("&amp;", "&");
	}
}
