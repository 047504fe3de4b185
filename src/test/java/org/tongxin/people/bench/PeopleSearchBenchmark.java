package org.tongxin.people.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.platform.crypto.FieldCipher;
import org.tongxin.platform.security.ApiTokens;

/**
 * Search and list latency through the HTTP API at registry scale, for a city account (成都), whose scope
 * holds the largest share of the demo distribution. Not a test: run with {@code ./mvnw verify -Pbench}
 * ({@code -Dbench.people=10000000} for the full size; the default is smaller so that it finishes on a
 * laptop). Prints the figures and appends them to docs/benchmarks.md.
 * <p>
 * Loading ten million persons takes long, so {@code scripts/benchmark-search-at-scale.sh} prepares that registry once in a
 * database of its own and points this benchmark at it ({@code TONGXIN_DB_URL}); the demo loader then finds
 * the registry full and leaves it alone, and the figures name the row count actually found.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tongxin.demo.people=${bench.people:1000000}", "logging.level.org.tongxin=INFO" })
class PeopleSearchBenchmark {

	static final int WARMUP = 30;

	static final int SAMPLES = 200;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	FieldCipher cipher;

	final HttpClient http = HttpClient.newHttpClient();

	String token;

	@Test
	void searchAndListAtScale() throws Exception {
		long chengdu = jdbc.sql("select id from platform_account where username = 'chengdu'").query(Long.class).single();
		token = tokens.issue(chengdu, "benchmark", null).secret();
		jdbc.sql("analyze people_person").update();
		String scope = "(select id from platform_unit where path <@ '1.510000.510100')";
		long people = jdbc.sql("select count(*) from people_person").query(Long.class).single();
		long inScope = jdbc.sql("select count(*) from people_person where unit_id in " + scope).query(Long.class).single();

		Random random = new Random(7);
		List<String> names = jdbc.sql("select name from people_person where unit_id in " + scope
				+ " and char_length(name) >= 3 order by id limit 2000").query(String.class).list();
		List<String> ids = jdbc.sql("select id_number_cipher from people_person where unit_id in " + scope
				+ " and id_number_cipher is not null order by id desc limit 500")
			.query((rs, n) -> cipher.decrypt(rs.getBytes(1)))
			.list();
		long deepCursor = jdbc.sql("select id from people_person where unit_id in " + scope
				+ " order by id asc offset 100 limit 1").query(Long.class).single();

		Map<String, Function<Integer, String>> cases = new LinkedHashMap<>();
		cases.put("name, 1 character", i -> q(pick(names, random).substring(1, 2)));
		cases.put("name, 2 characters", i -> q(pick(names, random).substring(0, 2)));
		cases.put("name, 3 characters", i -> q(pick(names, random).substring(0, 3)));
		cases.put("phone, last 4 digits", i -> q(String.format("%04d", random.nextInt(10_000))));
		cases.put("ID number, exact", i -> q(pick(ids, random)));
		cases.put("list, first page", i -> "/api/v1/people?size=20");
		cases.put("list, deep keyset page", i -> "/api/v1/people?size=20&cursor=" + (deepCursor + random.nextInt(50)));

		StringBuilder table = new StringBuilder();
		table.append("| request | p50 (ms) | p95 (ms) |\n|---|---|---|\n");
		for (var entry : cases.entrySet()) {
			for (int i = 0; i < WARMUP; i++) {
				call(entry.getValue().apply(i));
			}
			List<Double> millis = new ArrayList<>();
			for (int i = 0; i < SAMPLES; i++) {
				millis.add(call(entry.getValue().apply(i)));
			}
			Collections.sort(millis);
			String line = "| %s | %.1f | %.1f |".formatted(entry.getKey(), millis.get(SAMPLES / 2),
					millis.get((int) (SAMPLES * 0.95)));
			System.out.println(line);
			table.append(line).append('\n');
		}
		String section = """

				## People search and lists through the HTTP API (target: p95 < 50 ms at 10 M)

				Measured by `PeopleSearchBenchmark` (`./mvnw verify -Pbench -Dbench.people=N`) on %s: %,d persons
				in the registry, %,d of them in the scope of the `成都` account that asks; %d requests per row
				after %d warm-up requests, one client, embedded PostgreSQL 17 on the same 2-core machine.

				%s""".formatted(LocalDate.now(), people, inScope, SAMPLES, WARMUP, table);
		System.out.println(section);
		Path benchmarks = Path.of("docs/benchmarks.md");
		if (Files.exists(benchmarks)) {
			Files.writeString(benchmarks, Files.readString(benchmarks) + section, StandardCharsets.UTF_8);
		}
	}

	private static String q(String query) {
		return "/api/v1/people?size=20&q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8);
	}

	private static String pick(List<String> values, Random random) {
		return values.get(random.nextInt(values.size()));
	}

	private double call(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token)
			.build();
		long started = System.nanoTime();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		double millis = (System.nanoTime() - started) / 1e6;
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + " → " + response.statusCode() + " " + response.body());
		}
		return millis;
	}
}
