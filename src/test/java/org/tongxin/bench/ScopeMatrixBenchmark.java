package org.tongxin.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.crypto.FieldCipher;

/**
 * The registry's lists and searches for every kind of account, through the pages a signed-in user opens:
 * the centre, a province (四川), a large city (成都, which also holds the newest ids), a small city (深圳) and
 * a municipal district (渝中区). Each cell runs {@value #WARMUP} times before it is measured, so that every
 * statement behind it has passed the point where PostgreSQL may switch a prepared statement to a generic plan.
 * Beside it, the same slow statements under the three ways of planning a prepared statement.
 * <p>
 * Not a test: {@code scripts/benchmark-search-at-scale.sh} prepares a skewed registry of ten million persons
 * and runs this against it; {@code ./mvnw verify -Pbench -Dtest=ScopeMatrixBenchmark} runs it on a smaller
 * registry of its own. Prints the figures and writes them to docs/benchmarks.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tongxin.demo.people=${bench.people:200000}", "tongxin.demo.people-weights=440300:0.02",
				"tongxin.demo.people-newest-city=510100", "tongxin.demo.people-newest=${bench.newest:40000}",
				// The benchmark searches whole ID numbers hundreds of times a minute on purpose.
				"tongxin.people.exact-search-per-minute=100000", "logging.level.org.tongxin=INFO" })
class ScopeMatrixBenchmark {

	static final int WARMUP = 20;

	static final int SAMPLES = Integer.getInteger("bench.samples", 60);

	static final Map<String, String> ACCOUNTS = new LinkedHashMap<>();

	static {
		ACCOUNTS.put("central", "1");
		ACCOUNTS.put("sichuan", "1.510000");
		ACCOUNTS.put("chengdu", "1.510000.510100");
		ACCOUNTS.put("shenzhen", "1.440000.440300");
		ACCOUNTS.put("yuzhong", "1.500000.500103");
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	@Autowired
	DataSource dataSource;

	final Random random = new Random(7);

	@Test
	void everyKindOfAccountAtScale() throws Exception {
		long people = count("select count(*) from people_person");
		long organisations = count("select count(*) from org_organisation");
		long registrations = count("select count(*) from act_registration");
		Map<String, Map<String, double[]>> figures = new LinkedHashMap<>();
		Map<String, Long> inScope = new LinkedHashMap<>();
		for (var account : ACCOUNTS.entrySet()) {
			DataScope scope = DataScope.ofPath(account.getValue());
			inScope.put(account.getKey(), scoped(scope, "select count(*) from people_person p where %s"));
			Map<String, IntFunction<String>> cells = cells(scope);
			HttpClient http = signIn(account.getKey());
			Map<String, double[]> row = new LinkedHashMap<>();
			for (var cell : cells.entrySet()) {
				for (int i = 0; i < WARMUP; i++) {
					get(http, cell.getValue().apply(i));
				}
				List<Double> millis = new ArrayList<>();
				for (int i = 0; i < SAMPLES; i++) {
					millis.add(get(http, cell.getValue().apply(WARMUP + i)));
				}
				Collections.sort(millis);
				double[] p = { millis.get(SAMPLES / 2), millis.get((int) Math.ceil(SAMPLES * 0.95) - 1) };
				row.put(cell.getKey(), p);
				System.out.printf("%-9s %-28s p50 %7.1f  p95 %7.1f ms%n", account.getKey(), cell.getKey(), p[0], p[1]);
			}
			figures.put(account.getKey(), row);
		}
		String plans = planModes();
		write(people, organisations, registrations, inScope, figures, plans);
	}

	/** What each cell requests; {@code i} varies the values, never the statement. */
	Map<String, IntFunction<String>> cells(DataScope scope) {
		List<String> names = scopedList(scope, "select p.name from people_person p where %s and char_length(p.name) >= 3"
				+ " and p.merged_into is null order by p.id desc limit 500", String.class);
		List<String> ids = jdbc.sql("select p.id_number_cipher from people_person p where "
				+ scope.restrict("p.unit_id") + " and p.id_number_cipher is not null order by p.id desc limit 200")
			.param(DataScope.PARAMETER, scope.unit().value())
			.query((rs, n) -> cipher.decrypt(rs.getBytes(1)))
			.list();
		long inScope = scoped(scope, "select count(*) from people_person p where %s");
		// Half-way down the scope's persons: a page a user reaches only by paging, or from a bookmark.
		long deepPerson = scopedList(scope, "select p.id from people_person p where %s order by p.id offset "
				+ inScope / 2 + " limit 1", Long.class).stream().findFirst().orElse(1L);
		long organisationsInScope = scoped(scope, "select count(*) from org_organisation p where %s");
		long deepOrganisation = scopedList(scope, "select p.id from org_organisation p where %s order by p.id offset "
				+ organisationsInScope / 2 + " limit 1", Long.class).stream().findFirst().orElse(1L);
		Map<String, IntFunction<String>> cells = new LinkedHashMap<>();
		cells.put("name, 1 character", i -> "/people?q=" + enc(pick(names, i).substring(1, 2)));
		cells.put("name, 2 characters", i -> "/people?q=" + enc(pick(names, i).substring(0, 2)));
		cells.put("name, 3 characters", i -> "/people?q=" + enc(pick(names, i).substring(0, 3)));
		cells.put("phone, last 4 digits", i -> "/people?q=" + String.format("%04d", random.nextInt(10_000)));
		cells.put("ID number, exact", i -> "/people?q=" + (ids.isEmpty() ? "110101199003074514" : pick(ids, i)));
		cells.put("people, first page", i -> "/people");
		cells.put("people, deep keyset page", i -> "/people?before=" + (deepPerson + i % 50));
		cells.put("organisations, first page", i -> "/organisations");
		cells.put("organisations, deep page", i -> "/organisations?before=" + (deepOrganisation + i % 50));
		cells.put("events, first page", i -> "/activities/events");
		return cells;
	}

	/**
	 * The statements the issue found slow, each executed 20 times on one connection in the three ways a
	 * prepared statement can be planned: pgjdbc's default (a server-side prepared statement from the 5th
	 * execution, PostgreSQL's plan_cache_mode=auto, which may then choose a generic plan), Tongxin's setting
	 * (plan_cache_mode=force_custom_plan) and pgjdbc's prepareThreshold=0 (never a named statement).
	 */
	String planModes() throws Exception {
		HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
		String url = hikari.getJdbcUrl();
		Map<String, String[]> statements = new LinkedHashMap<>();
		statements.put("centre, count of \"王\" (capped)", new String[] { """
				select count(*) from (select 1 from people_person p where p.anonymised_at is null and p.merged_into is null
				and p.name_grams @> cast(? as text[]) limit 10001) capped""", "{王}" });
		statements.put("深圳, first page", new String[] { """
				select p.id from people_person p where (p.unit_d3 between ? and ?) and p.anonymised_at is null
				and p.merged_into is null order by p.unit_d3 desc, p.id desc limit 21""", "440300", "440300" });
		statements.put("深圳, first page, as an equality", new String[] { """
				select p.id from people_person p where p.unit_d3 = ? and p.anonymised_at is null
				and p.merged_into is null order by p.id desc limit 21""", "440300" });
		Map<String, String> modes = new LinkedHashMap<>();
		modes.put("pgjdbc default, plan_cache_mode=auto", "-c plan_cache_mode=auto");
		modes.put("plan_cache_mode=force_custom_plan (Tongxin)", "-c plan_cache_mode=force_custom_plan");
		modes.put("prepareThreshold=0, plan_cache_mode=auto", "-c plan_cache_mode=auto");
		StringBuilder table = new StringBuilder("| statement | planning | executions 1–5 median (ms) | 6–20 median (ms) | 6–20 max (ms) |\n|---|---|---|---|---|\n");
		for (var statement : statements.entrySet()) {
			for (var mode : modes.entrySet()) {
				Properties properties = new Properties();
				properties.setProperty("user", hikari.getUsername());
				if (hikari.getPassword() != null) {
					properties.setProperty("password", hikari.getPassword());
				}
				properties.setProperty("options", mode.getValue() + " -c random_page_cost=1.1");
				if (mode.getKey().startsWith("prepareThreshold=0")) {
					properties.setProperty("prepareThreshold", "0");
				}
				List<Double> first = new ArrayList<>();
				List<Double> later = new ArrayList<>();
				try (Connection connection = DriverManager.getConnection(url, properties);
						PreparedStatement ps = connection.prepareStatement(statement.getValue()[0])) {
					for (int i = 1; i < statement.getValue().length; i++) {
						String value = statement.getValue()[i];
						if (value.startsWith("{")) {
							ps.setString(i, value);
						}
						else {
							ps.setLong(i, Long.parseLong(value));
						}
					}
					for (int execution = 1; execution <= 20; execution++) {
						long started = System.nanoTime();
						try (ResultSet rs = ps.executeQuery()) {
							while (rs.next()) {
								rs.getLong(1);
							}
						}
						(execution <= 5 ? first : later).add((System.nanoTime() - started) / 1e6);
					}
				}
				Collections.sort(first);
				Collections.sort(later);
				String line = "| %s | %s | %.1f | %.1f | %.1f |".formatted(statement.getKey(), mode.getKey(), first.get(2),
						later.get(later.size() / 2), later.get(later.size() - 1));
				System.out.println(line);
				table.append(line).append('\n');
			}
		}
		return table.toString();
	}

	void write(long people, long organisations, long registrations, Map<String, Long> inScope,
			Map<String, Map<String, double[]>> figures, String plans) throws Exception {
		List<String> accounts = new ArrayList<>(figures.keySet());
		StringBuilder table = new StringBuilder("| request | " + String.join(" | ", accounts) + " |\n|---|"
				+ "---|".repeat(accounts.size()) + "\n");
		for (String cell : figures.get(accounts.get(0)).keySet()) {
			table.append("| ").append(cell);
			for (String account : accounts) {
				double[] p = figures.get(account).get(cell);
				table.append(" | ").append("%.1f / **%.1f**".formatted(p[0], p[1]));
			}
			table.append(" |\n");
		}
		StringBuilder scopes = new StringBuilder();
		inScope.forEach((account, n) -> scopes.append(scopes.isEmpty() ? "" : ", ").append("`%s` %,d".formatted(account, n)));
		double worst = figures.values().stream().flatMap(r -> r.values().stream()).mapToDouble(p -> p[1]).max().orElse(0);
		String section = """
				## Every kind of account at scale (target: p95 < 50 ms in every cell)

				Measured by `ScopeMatrixBenchmark` (`scripts/benchmark-search-at-scale.sh`) on %s, %d cores, Java %s:
				**%,d persons**, %,d organisations, %,d registrations; persons in scope: %s. The newest ids belong to
				成都 (one city's bulk import), 深圳 is a small city. Each cell is a page a signed-in user opens (the
				list or search page with its capped count, rendered), requested %d times after %d warm-up requests
				of the same statement; one client, PostgreSQL on the same machine. Figures: p50 / **p95** in ms.
				Worst p95 of the run: %.1f ms.

				%s
				The same run, the slow statements of the issue executed 20 times on one connection in each way of
				planning a prepared statement:

				%s""".formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				people, organisations, registrations, scopes, SAMPLES, WARMUP, worst, table, plans);
		System.out.println(section);
		Path benchmarks = Path.of("docs/benchmarks.md");
		if (Files.exists(benchmarks)) {
			String text = Files.readString(benchmarks);
			Matcher existing = Pattern.compile("(?s)\n## Every kind of account at scale.*?(?=\n## |\\z)").matcher(text);
			text = existing.find() ? existing.replaceFirst(Matcher.quoteReplacement("\n" + section.stripTrailing() + "\n"))
					: text + "\n" + section;
			Files.writeString(benchmarks, text, StandardCharsets.UTF_8);
		}
	}

	private HttpClient signIn(String username) throws Exception {
		HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = http.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the sign-in page");
		}
		String form = "username=" + username + "&password=" + enc("Tongxin@2018") + "&_csrf=" + enc(csrf.group(1));
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in of " + username + " failed: " + response.statusCode() + " " + location);
		}
		return http;
	}

	private double get(HttpClient http, String path) throws Exception {
		long started = System.nanoTime();
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
		double millis = (System.nanoTime() - started) / 1e6;
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " → " + response.statusCode());
		}
		return millis;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private long scoped(DataScope scope, String sql) {
		return scopedList(scope, sql, Long.class).get(0);
	}

	private <T> List<T> scopedList(DataScope scope, String sql, Class<T> type) {
		return scope.bind(jdbc.sql(sql.formatted(scope.restrict("p.unit_id")))).query(type).list();
	}

	private static <T> T pick(List<T> values, int i) {
		return values.get(Math.floorMod(i * 7919, values.size()));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
