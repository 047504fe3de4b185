package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What a browser receives over the wire (compression is the servlet container's, so this runs on a real
 * port): static resources under versioned URLs, cacheable for a year, and text compressed when the browser
 * accepts gzip.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaticAssetsHttpTests {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void theSignInPageLinksVersionedResourcesThatAreCachedForAYearAndSentCompressed() throws Exception {
		String page = get("/login", false).body();
		String css = first(page, "href=\"(/css/tongxin-[0-9a-f]{32}\\.css)\"");
		String bootstrap = first(page, "href=\"(/webjars/bootstrap/[\\d.]+/css/bootstrap\\.min\\.css)\"");

		for (String resource : new String[] { css, bootstrap }) {
			HttpResponse<String> plain = get(resource, false);
			assertThat(plain.statusCode()).as(resource).isEqualTo(200);
			assertThat(plain.headers().firstValue("Cache-Control")).as(resource).hasValueSatisfying(
					value -> assertThat(value).contains("max-age=31536000").contains("public"));
			HttpResponse<String> gzip = get(resource, true);
			assertThat(gzip.headers().firstValue("Content-Encoding")).as(resource).hasValue("gzip");
		}
		assertThat(get("/login", true).headers().firstValue("Content-Encoding")).hasValue("gzip");
	}

	private HttpResponse<String> get(String path, boolean gzip) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (gzip) {
			request.header("Accept-Encoding", "gzip");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String first(String page, String regex) {
		Matcher m = Pattern.compile(regex).matcher(page);
		assertThat(m.find()).as(regex).isTrue();
		return m.group(1);
	}
}
