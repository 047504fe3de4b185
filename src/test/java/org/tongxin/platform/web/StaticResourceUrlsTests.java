package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Pages link their static resources by version-less webjar paths, rewritten to the versioned ones; every other
 * link is left as written, without a look at the class path.
 */
@PlatformTest
class StaticResourceUrlsTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void webjarLinksAreVersionedAndTheRestUntouchedByOneFilter() {
		Map<String, ResourceUrlEncodingFilter> filters = context.getBeansOfType(ResourceUrlEncodingFilter.class);
		assertThat(filters.values()).singleElement().isInstanceOf(StaticResourceUrls.class);
		assertThat(mvc.get().uri("/login")).hasStatusOk()
			.bodyText()
			.containsPattern("/webjars/bootstrap/\\d+\\.\\d+\\.\\d+/css/bootstrap\\.min\\.css")
			.containsPattern("/css/tongxin-[0-9a-f]{32}\\.css");
		assertThat(mvc.get().uri("/people").session(SignIn.as(mvc, "chengdu"))).hasStatusOk()
			.bodyText()
			.containsPattern("href=\"/people/\\d+\"")
			.containsPattern("/webjars/htmx\\.org/[\\d.]+/dist/htmx\\.min\\.js");
	}
}
