package org.tongxin.deployment;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person at a browser, signed in through the login form: a cookie jar and the CSRF token of the session.
 * {@link #at} moves the same browser to another node of the installation (the cookie jar goes with it:
 * cookies belong to the host, not the port).
 */
final class WebSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final HttpClient http;

	private final URI base;

	private String csrf;

	private WebSession(HttpClient http, URI base, String csrf) {
		this.http = http;
		this.base = base;
		this.csrf = csrf;
	}

	static WebSession anonymous(URI base) {
		CookieManager cookies = new CookieManager();
		cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		return new WebSession(http, base, null);
	}

	/** Signs in through the form, as a browser does; fails with the answer when the sign-in is refused. */
	static WebSession signIn(URI base, String account, String password) throws IOException, InterruptedException {
		WebSession session = anonymous(base);
		HttpResponse<String> login = session.get("/login");
		String token = token(login.body());
		HttpResponse<String> answer = session.send(HttpRequest.newBuilder(base.resolve("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + encode(account) + "&password=" + encode(password)
					+ "&_csrf=" + encode(token))));
		String location = answer.headers().firstValue("Location").orElse("");
		if (answer.statusCode() != 302 || location.contains("/login")) {
			throw new IllegalStateException(account + ": sign-in refused: " + answer.statusCode() + " " + location);
		}
		// The session changed at sign-in; its token comes from a page of the new session.
		session.csrf = token(session.get("/").body());
		return session;
	}

	/** The same browser (cookies, CSRF token) talking to another node. */
	WebSession at(URI otherNode) {
		return new WebSession(http, otherNode, csrf);
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(base.resolve(path)).header("Accept", "text/html,application/json"));
	}

	HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
		return http.send(request(HttpRequest.newBuilder(base.resolve(path))).build(),
				HttpResponse.BodyHandlers.ofByteArray());
	}

	/** A multipart/form-data POST of one file (field "file") and plain fields, with the session's CSRF token. */
	HttpResponse<String> upload(String path, String fileName, byte[] content, String... fields)
			throws IOException, InterruptedException {
		String boundary = "----tongxin" + UUID.randomUUID();
		StringBuilder head = new StringBuilder();
		for (int i = 0; i + 1 < fields.length; i += 2) {
			head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
				.append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
		}
		head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
			.append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n");
		byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
		byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] body = new byte[start.length + content.length + end.length];
		System.arraycopy(start, 0, body, 0, start.length);
		System.arraycopy(content, 0, body, start.length, content.length);
		System.arraycopy(end, 0, body, start.length + content.length, end.length);
		return send(HttpRequest.newBuilder(base.resolve(path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "application/json")
			.header("X-CSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	/** Signs out as the page's button does (POST /logout with the session's token). */
	HttpResponse<String> signOut() throws IOException, InterruptedException {
		return post("/logout");
	}

	/** A form's POST: the fields as name, value, name, value…, and the session's CSRF token. */
	HttpResponse<String> post(String path, String... fields) throws IOException, InterruptedException {
		StringBuilder form = new StringBuilder("_csrf=").append(encode(csrf));
		for (int i = 0; i + 1 < fields.length; i += 2) {
			form.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
		}
		return send(HttpRequest.newBuilder(base.resolve(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form.toString())));
	}

	private HttpResponse<String> send(HttpRequest.Builder builder) throws IOException, InterruptedException {
		return http.send(request(builder).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static HttpRequest.Builder request(HttpRequest.Builder builder) {
		return builder.header("Accept-Language", "zh-CN").timeout(Duration.ofSeconds(60));
	}

	private static String token(String page) {
		Matcher matcher = CSRF.matcher(page);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token in the page");
		}
		return matcher.group(1);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
