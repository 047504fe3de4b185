package org.tongxin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Load through the real web pages: {@code bench.sessions} (50) concurrent signed-in browser sessions for
 * {@code bench.seconds} (180) over a realistic mix of lists, short name searches, keyset pages, the
 * organisations and events lists, the programme overview and {@code /actuator/health}, with one CSV export
 * of the 成都 registry a minute. Prints count, errors, p50/p95/p99/max and requests/s per route and the ratio
 * of each route's median and p95 to {@code /actuator/health}'s in the same run (health is the floor: the
 * same server, network stack and connection pool, no page), and writes them to docs/benchmarks.md.
 * <p>
 * Not a test: run with {@code scripts/benchmark-load.sh} or {@code ./mvnw verify -Pbench -Dtest=LoadBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. The only assertion is on errors (any non-2xx answer, redirects
 * included, any exception or timeout): a load that produces errors fails; the times are figures.
 * <p>
 * Target: this benchmark's own application (random port, demo data of {@code bench.load.people} persons), or
 * a running one given by {@code -Dbench.url=http://localhost:18090} (loopback only: this is a bounded
 * local load, never aimed at another machine). Then point this context at the same database
 * ({@code TONGXIN_DB_URL}) so that the figures name the registry's size; otherwise it is reported unknown.
 * <p>
 * Why a small Java client rather than Gatling: the sign-in form, the keyset "next" link and the export
 * schedule are a few lines here, the figures land in the same table format as the other benchmarks, and it
 * adds no plugin with a Scala toolchain to the build.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tongxin.demo.people=${bench.load.people:20000}", "logging.level.org.tongxin=INFO" })
class LoadBenchmark {

	static final String PASSWORD = "Tongxin@2018";

	/** One account of each kind: the centre, a province, a large city, a small city, a district. */
	static final List<String> ACCOUNTS = List.of("central", "sichuan", "chengdu", "shenzhen", "yuzhong");

	/** The exports are a city's registry: the largest city of the demo distribution. */
	static final String EXPORTER = "chengdu";

	// Common surnames and given names of the synthetic registry (SyntheticPeople), as people type them.
	static final List<String> ONE = List.of("王", "李", "张", "刘", "陈", "杨", "伟", "芳");

	static final List<String> TWO = List.of("王伟", "李娜", "张伟", "刘洋", "陈静", "王芳", "李强", "杨帆");

	static final List<String> THREE = List.of("王伟华", "张伟华", "李秀英", "王桂英", "刘建华", "陈晓明", "杨丽娟", "张海洋");

	static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	static final Pattern NEXT_LINK = Pattern.compile("<a\\b[^>]*\\bid=\"next-page\"[^>]*>");

	static final Pattern PERSON_ROW = Pattern.compile("href=\"/people/\\d+\"");

	static final Pattern ORGANISATION_ROW = Pattern.compile("href=\"/organisations/\\d+\"");

	static final Pattern EVENT_ROW = Pattern.compile("href=\"/activities/events/\\d+\"");

	static final Pattern HREF = Pattern.compile("\\bhref=\"([^\"]+)\"");

	enum Route {

		SIGN_IN("POST /login (sign-in)", 0), PEOPLE("/people, first page", 15), Q1("/people?q=, 1 character", 10),
		Q2("/people?q=, 2 characters", 10), Q3("/people?q=, 3 characters", 10),
		PEOPLE_NEXT("/people?before=, next pages (keyset, ever deeper)", 10), ORGANISATIONS("/organisations", 12),
		EVENTS("/activities/events", 12), OVERVIEW("/programme (overview)", 8),
		EXPORT("/people/export.csv (成都, one a minute)", 0), HEALTH("/actuator/health (no session)", 13);

		final String label;

		final int weight;

		Route(String label, int weight) {
			this.label = label;
			this.weight = weight;
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	final Map<Route, ConcurrentLinkedQueue<Long>> nanos = new LinkedHashMap<>();

	final Map<Route, AtomicInteger> errors = new LinkedHashMap<>();

	/** Answers of a list route that showed at least one row: the searches must find something to be realistic. */
	final Map<Route, AtomicInteger> withRows = new LinkedHashMap<>();

	/** Page times (health, export and sign-in excluded) by account: the kinds of scope load the database differently. */
	final Map<String, ConcurrentLinkedQueue<Long>> byAccount = new LinkedHashMap<>();

	final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

	final AtomicInteger exportsStarted = new AtomicInteger();

	final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

	String base;

	Duration timeout;

	Duration exportTimeout;

	/** Measurement window, System.nanoTime(); samples before it (warm-up) are not timed but errors count. */
	volatile long measuredFrom;

	long measuredUntil;

	HttpClient anonymous;

	/** Times of the routes requested one at a time before the load (one session of each account in turn). */
	final Map<Route, ConcurrentLinkedQueue<Long>> alone = new LinkedHashMap<>();

	volatile boolean baseline;

	@Autowired
	ApplicationContext context;

	@Test
	void fiftySessionsOverTheRealisticMix() throws Exception {
		int sessions = Integer.getInteger("bench.sessions", 50);
		int seconds = Integer.getInteger("bench.seconds", 180);
		int warmup = Integer.getInteger("bench.warmup.seconds", 10);
		long thinkMillis = Long.getLong("bench.think.ms", 0);
		timeout = Duration.ofSeconds(Long.getLong("bench.timeout.seconds", 30));
		exportTimeout = Duration.ofSeconds(Long.getLong("bench.export.timeout.seconds", 600));
		base = System.getProperty("bench.url", "http://localhost:" + port).replaceAll("/+$", "");
		URI target = URI.create(base);
		assertThat(InetAddress.getByName(target.getHost()).isLoopbackAddress())
			.as("bench.url must be a loopback address: this is a bounded local load, %s is not", base)
			.isTrue();
		for (Route route : Route.values()) {
			nanos.put(route, new ConcurrentLinkedQueue<>());
			errors.put(route, new AtomicInteger());
			withRows.put(route, new AtomicInteger());
			alone.put(route, new ConcurrentLinkedQueue<>());
		}
		for (String account : ACCOUNTS) {
			byAccount.put(account, new ConcurrentLinkedQueue<>());
		}
		anonymous = client(null);
		String persons = persons();
		double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

		// Sign every session in first (bcrypt, once per session), then start the clock together.
		List<Session> all = new ArrayList<>();
		for (int i = 0; i < sessions; i++) {
			all.add(new Session(i, ACCOUNTS.get(i % ACCOUNTS.size())));
		}
		List<CompletableFuture<Void>> signIns = all.stream()
			.map(s -> CompletableFuture.runAsync(s::signIn, threads))
			.toList();
		CompletableFuture.allOf(signIns.toArray(CompletableFuture[]::new)).join();
		long signedIn = all.stream().filter(s -> s.signedIn).count();
		System.out.printf("Load: %d of %d sessions signed in at %s; warm-up %d s, then %d s measured%n", signedIn,
				sessions, base, warmup, seconds);

		// Each route alone first, one request at a time: what it costs without queueing (the times under load
		// are that cost plus the wait for cores and pooled connections that 50 sessions share).
		int aloneRepeats = Integer.getInteger("bench.alone.requests", 10);
		baseline = true;
		for (Session session : all.subList(0, Math.min(all.size(), ACCOUNTS.size()))) {
			if (session.signedIn) {
				for (int i = 0; i < aloneRepeats; i++) {
					for (Route route : Route.values()) {
						if (route.weight > 0) {
							session.request(route);
						}
					}
				}
			}
		}
		baseline = false;

		measuredFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
		measuredUntil = measuredFrom + TimeUnit.SECONDS.toNanos(seconds);
		PoolSampler pools = new PoolSampler();
		threads.execute(pools);
		List<CompletableFuture<Void>> loops = all.stream()
			.filter(s -> s.signedIn)
			.map(s -> CompletableFuture.runAsync(() -> s.loop(thinkMillis), threads))
			.toList();
		CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
		pools.stop = true;
		threads.shutdown();

		// Only requests started inside the window are timed: requests/s over the window itself.
		String table = table(seconds) + pools.summary();
		int errorCount = errors.values().stream().mapToInt(AtomicInteger::get).sum();
		int cores = Runtime.getRuntime().availableProcessors();
		String heading = "## Load: %d sessions for %s, %s".formatted(sessions,
				seconds % 60 == 0 ? (seconds / 60) + " minutes" : seconds + " s",
				System.getProperty("bench.label", System.getProperty("bench.url") == null ? "demo data" : base));
		String section = """
				%s

				Measured by `LoadBenchmark` (`scripts/benchmark-load.sh`) on %s: %s in the registry; %d cores
				(load average %.1f at the start), %s %s; %d sessions signed in through the login form, spread
				over the accounts %s, each looping %s over the mix below for %d s
				after %d s of warm-up; one `/people/export.csv` of 成都 a minute, streamed and discarded; every
				request bounded (%d s, exports %d s) and counted as an error otherwise. Target: %s.
				Errors: **%d** (any non-2xx answer, redirect, exception or timeout, warm-up included).
				Load average at the end: %.1f. "alone": the route requested one request at a time before the
				load (%d times by each of the five accounts), its cost without queueing.%s

				%s""".formatted(heading, LocalDate.now(), persons, cores, load, System.getProperty("java.vm.name"),
				System.getProperty("java.runtime.version"), sessions, String.join(", ", ACCOUNTS),
				thinkMillis == 0 ? "without think time" : "with %d ms of think time after each answer".formatted(thinkMillis),
				seconds, warmup, timeout.toSeconds(), exportTimeout.toSeconds(),
				System.getProperty("bench.url") == null ? "the benchmark's own application (same JVM) and embedded PostgreSQL"
						: "the application at " + base,
				errorCount, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), aloneRepeats,
				System.getProperty("bench.note", "").isBlank() ? "" : " " + System.getProperty("bench.note").strip(), table);
		System.out.println();
		System.out.println(section);
		errorSamples.stream().limit(20).forEach(e -> System.out.println("error: " + e));
		if (Boolean.parseBoolean(System.getProperty("bench.docs", "true"))) {
			writeSection(Path.of("docs/benchmarks.md"), heading, section);
		}
		assertThat(signedIn).as("sessions signed in").isEqualTo(sessions);
		assertThat(errorCount).as("errors under load (first ones: %s)", errorSamples.stream().limit(5).toList())
			.isZero();
		assertThat(nanos.get(Route.EXPORT)).as("exports made").isNotEmpty();
	}

	private String persons() {
		boolean ownDatabase = environment.getProperty("spring.datasource.url", "").isBlank();
		if (System.getProperty("bench.url") != null && ownDatabase) {
			return "an unknown number of persons (external application; give this context its database with TONGXIN_DB_URL)";
		}
		long count = jdbc.sql("select count(*) from people_person").query(Long.class).single();
		long chengdu = jdbc.sql("select count(*) from people_person where unit_id in "
				+ "(select id from platform_unit where path <@ '1.510000.510100')").query(Long.class).single();
		return "**%,d persons** (%,d of them in 成都, whose account exports)".formatted(count, chengdu);
	}

	private String table(double measuredSeconds) {
		long[] health = sorted(Route.HEALTH);
		double healthP50 = percentile(health, 50);
		double healthP95 = percentile(health, 95);
		StringBuilder table = new StringBuilder(
				"| route | weight | count | errors | with rows | alone: p50 (ms) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | req/s | p50 / health | p95 / health |\n"
						+ "|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		long total = 0;
		for (Route route : Route.values()) {
			long[] sorted = sorted(route);
			total += route == Route.SIGN_IN ? 0 : sorted.length;
			double p50 = percentile(sorted, 50);
			double p95 = percentile(sorted, 95);
			long[] byItself = alone.get(route).stream().mapToLong(Long::longValue).sorted().toArray();
			table.append("| %s | %s | %d | %d | %s | %s | %.1f | %.1f | %.1f | %.1f | %s | %s | %s |\n".formatted(route.label,
					route.weight == 0 ? "–" : route.weight + " %", sorted.length, errors.get(route).get(),
					rows(route) == null ? "–" : "%.0f %%".formatted(100.0 * withRows.get(route).get() / Math.max(1, sorted.length)),
					byItself.length == 0 ? "–" : "%.1f".formatted(percentile(byItself, 50)), p50, p95,
					percentile(sorted, 99), sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6,
					route == Route.SIGN_IN ? "–" : "%.2f".formatted(sorted.length / measuredSeconds),
					ratio(route, p50, healthP50), ratio(route, p95, healthP95)));
		}
		table.append("| **all (sign-in excluded)** | | %d | %d | | | | | | | **%.1f** | | |\n".formatted(total,
				errors.values().stream().mapToInt(AtomicInteger::get).sum(), total / measuredSeconds));
		table.append("\nThe pages (health and export excluded) by the account that asks:\n\n"
				+ "| account | count | p50 (ms) | p95 (ms) | p99 (ms) |\n|---|---|---|---|---|\n");
		for (var entry : byAccount.entrySet()) {
			long[] sorted = entry.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
			table.append("| %s | %d | %.1f | %.1f | %.1f |\n".formatted(entry.getKey(), sorted.length,
					percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99)));
		}
		return table.toString();
	}

	/** What a row of the route's list looks like; null for routes that are not lists. */
	static Pattern rows(Route route) {
		return switch (route) {
			case PEOPLE, Q1, Q2, Q3, PEOPLE_NEXT -> PERSON_ROW;
			case ORGANISATIONS -> ORGANISATION_ROW;
			case EVENTS -> EVENT_ROW;
			default -> null;
		};
	}

	private static String ratio(Route route, double value, double health) {
		return route == Route.HEALTH || route == Route.SIGN_IN || Double.isNaN(value) ? "–"
				: "%.1f".formatted(value / health);
	}

	private long[] sorted(Route route) {
		long[] values = nanos.get(route).stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(values);
		return values;
	}

	/** Nearest rank, in milliseconds. */
	static double percentile(long[] sorted, int p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)] / 1e6;
	}

	/** Replaces the section with the same heading (up to the next "## "), or appends it. */
	static void writeSection(Path file, String heading, String section) throws IOException {
		if (!Files.exists(file)) {
			return;
		}
		String text = Files.readString(file, StandardCharsets.UTF_8);
		int start = text.indexOf("\n" + heading + "\n");
		String updated;
		if (start < 0) {
			updated = text.stripTrailing() + "\n\n" + section.stripTrailing() + "\n";
		}
		else {
			int end = text.indexOf("\n## ", start + 1);
			updated = text.substring(0, start + 1) + section.stripTrailing() + "\n"
					+ (end < 0 ? "" : "\n" + text.substring(end + 1));
		}
		Files.writeString(file, updated, StandardCharsets.UTF_8);
	}

	private HttpClient client(CookieManager cookies) {
		HttpClient.Builder builder = HttpClient.newBuilder()
			// Tomcat speaks HTTP/1.1 here; no h2c upgrade attempts.
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(timeout)
			.executor(threads);
		if (cookies != null) {
			builder.cookieHandler(cookies);
		}
		return builder.build();
	}

	/** One browser: its own cookie jar (session and CSRF cookies), one account, a reproducible mix. */
	final class Session {

		final int index;

		final String account;

		final HttpClient http;

		final Random random;

		volatile boolean signedIn;

		/** The "next" link of the first people page, where the walk through the pages starts (again). */
		String firstNext;

		/** The "next" link of the last page of that walk; null at its end: start again from firstNext. */
		String nextPage;

		Session(int index, String account) {
			this.index = index;
			this.account = account;
			CookieManager cookies = new CookieManager();
			cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
			this.http = client(cookies);
			this.random = new Random(index);
		}

		void signIn() {
			try {
				HttpResponse<String> page = send(http, get("/login"), timeout);
				Matcher csrf = CSRF.matcher(page.body());
				if (page.statusCode() != 200 || !csrf.find()) {
					error(Route.SIGN_IN, "GET /login → " + page.statusCode() + " without a CSRF token");
					return;
				}
				String form = "username=" + enc(account) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf.group(1));
				HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/login"))
					.timeout(timeout)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.POST(HttpRequest.BodyPublishers.ofString(form))
					.build();
				long started = System.nanoTime();
				HttpResponse<String> answer = send(http, post, timeout);
				nanos.get(Route.SIGN_IN).add(System.nanoTime() - started);
				String location = answer.headers().firstValue("Location").orElse("");
				if (answer.statusCode() != 302 || location.contains("/login")) {
					error(Route.SIGN_IN, account + ": POST /login → " + answer.statusCode() + " " + location);
					return;
				}
				HttpResponse<String> home = send(http, get("/"), timeout);
				if (home.statusCode() != 200) {
					error(Route.SIGN_IN, account + ": home after sign-in → " + home.statusCode());
					return;
				}
				signedIn = true;
			}
			catch (Exception e) {
				error(Route.SIGN_IN, account + ": " + e);
			}
		}

		void loop(long thinkMillis) {
			int totalWeight = 0;
			for (Route route : Route.values()) {
				totalWeight += route.weight;
			}
			while (System.nanoTime() < measuredUntil) {
				Route route = exportDue() ? Route.EXPORT : pick(totalWeight);
				request(route);
				if (thinkMillis > 0) {
					try {
						Thread.sleep(thinkMillis);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						return;
					}
				}
			}
		}

		/** One export a minute over the whole run, from the first 成都 session that asks after it is due. */
		private boolean exportDue() {
			if (!EXPORTER.equals(account)) {
				return false;
			}
			long now = System.nanoTime();
			if (now < measuredFrom) {
				return false;
			}
			int due = (int) (TimeUnit.NANOSECONDS.toSeconds(now - measuredFrom) / 60) + 1;
			int started = exportsStarted.get();
			return started < due && exportsStarted.compareAndSet(started, started + 1);
		}

		private Route pick(int totalWeight) {
			int at = random.nextInt(totalWeight);
			for (Route route : Route.values()) {
				at -= route.weight;
				if (at < 0) {
					return route;
				}
			}
			throw new IllegalStateException();
		}

		private void request(Route chosen) {
			Route route = chosen;
			String path = switch (route) {
				case PEOPLE -> "/people";
				case Q1 -> "/people?q=" + enc(pick(ONE));
				case Q2 -> "/people?q=" + enc(pick(TWO));
				case Q3 -> "/people?q=" + enc(pick(THREE));
				case PEOPLE_NEXT -> nextPage != null ? nextPage : firstNext;
				case ORGANISATIONS -> "/organisations";
				case EVENTS -> "/activities/events";
				case OVERVIEW -> "/programme";
				case EXPORT -> "/people/export.csv";
				case HEALTH -> "/actuator/health";
				case SIGN_IN -> throw new IllegalArgumentException();
			};
			long started = System.nanoTime();
			try {
				if (route == Route.EXPORT) {
					// Streamed and discarded, only counted; the bound covers the whole body.
					AtomicLong bytes = new AtomicLong();
					HttpResponse<Void> answer = send(http, get(path), exportTimeout,
							HttpResponse.BodyHandlers.ofByteArrayConsumer(chunk -> chunk.ifPresent(b -> bytes.addAndGet(b.length))));
					record(route, started, answer.statusCode(), path, "");
					System.out.printf("Load: export %d by %s: %,d bytes in %.1f s%n", exportsStarted.get(), account,
							bytes.get(), (System.nanoTime() - started) / 1e9);
					return;
				}
				if (route == Route.PEOPLE_NEXT && nextPage == null && firstNext == null) {
					route = Route.PEOPLE;
					path = "/people";
				}
				HttpResponse<String> answer = send(route == Route.HEALTH ? anonymous : http, get(path), timeout);
				record(route, started, answer.statusCode(), path, answer.body());
				if (route == Route.HEALTH && answer.statusCode() == 200 && !answer.body().contains("UP")) {
					error(route, path + " → " + answer.body());
				}
				if (route == Route.PEOPLE) {
					firstNext = nextLink(answer.body());
				}
				else if (route == Route.PEOPLE_NEXT) {
					nextPage = nextLink(answer.body());
				}
			}
			catch (Exception e) {
				error(route, account + " " + path + ": " + e);
			}
		}

		private String pick(List<String> values) {
			return values.get(random.nextInt(values.size()));
		}

		private void record(Route route, long started, int status, String path, String body) {
			long elapsed = System.nanoTime() - started;
			if (status < 200 || status > 299) {
				error(route, account + " " + path + " → " + status + " "
						+ body.substring(0, Math.min(200, body.length())).replaceAll("\\s+", " "));
			}
			else if (baseline) {
				alone.get(route).add(elapsed);
			}
			else if (started >= measuredFrom) {
				nanos.get(route).add(elapsed);
				if (route != Route.HEALTH && route != Route.EXPORT) {
					byAccount.get(account).add(elapsed);
				}
				Pattern row = rows(route);
				if (row != null && row.matcher(body).find()) {
					withRows.get(route).incrementAndGet();
				}
			}
		}
	}

	/**
	 * Samples the application's connection pools twice a second while the load runs: how many requests held
	 * a connection and how many waited for one (the pool, not the cores, is then what requests queue for).
	 * Only for the application this benchmark starts; an external one's pools are not visible from here.
	 */
	final class PoolSampler implements Runnable {

		volatile boolean stop;

		final Map<String, List<int[]>> samples = new LinkedHashMap<>();

		@Override
		public void run() {
			if (System.getProperty("bench.url") != null) {
				return;
			}
			Map<String, HikariDataSource> beans = new LinkedHashMap<>(context.getBeansOfType(HikariDataSource.class));
			// The application's DataSource routes between its main and its export pool.
			context.getBeansOfType(org.tongxin.platform.exports.ExportRoutingDataSource.class)
				.values()
				.forEach(routing -> routing.pools().forEach(pool -> beans.put(pool.getPoolName(), pool)));
			while (!stop) {
				if (System.nanoTime() >= measuredFrom) {
					for (var bean : beans.values()) {
						var pool = bean.getHikariPoolMXBean();
						if (pool != null) {
							samples.computeIfAbsent(bean.getPoolName() + " (" + bean.getMaximumPoolSize() + ")",
									n -> Collections.synchronizedList(new ArrayList<>()))
								.add(new int[] { pool.getActiveConnections(), pool.getThreadsAwaitingConnection() });
						}
					}
				}
				try {
					Thread.sleep(500);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}

		String summary() {
			if (samples.isEmpty()) {
				return "";
			}
			StringBuilder text = new StringBuilder("\nConnection pools during the load (sampled every 500 ms):\n\n"
					+ "| pool (size) | connections in use: mean / max | requests waiting for one: mean / max |\n|---|---|---|\n");
			samples.forEach((name, values) -> {
				synchronized (values) {
					text.append("| %s | %.1f / %d | %.1f / %d |\n".formatted(name,
							values.stream().mapToInt(v -> v[0]).average().orElse(0),
							values.stream().mapToInt(v -> v[0]).max().orElse(0),
							values.stream().mapToInt(v -> v[1]).average().orElse(0),
							values.stream().mapToInt(v -> v[1]).max().orElse(0)));
				}
			});
			return text.toString();
		}
	}

	/** The href of the list's "next page" link (keyset: {@code before=<last id>}), or null on the last page. */
	static String nextLink(String html) {
		Matcher anchor = NEXT_LINK.matcher(html);
		if (!anchor.find()) {
			return null;
		}
		Matcher href = HREF.matcher(anchor.group());
		return href.find() ? href.group(1).replace("&amp;", "&") : null;
	}

	private void error(Route route, String what) {
		errors.get(route).incrementAndGet();
		if (errorSamples.size() < 100) {
			errorSamples.add(route.label + ": " + what);
		}
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET().build();
	}

	private static HttpResponse<String> send(HttpClient http, HttpRequest request, Duration bound)
			throws InterruptedException, ExecutionException, TimeoutException {
		return send(http, request, bound, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** The whole exchange, body included, within the bound; a late answer is cancelled and counted as an error. */
	private static <T> HttpResponse<T> send(HttpClient http, HttpRequest request, Duration bound,
			HttpResponse.BodyHandler<T> body) throws InterruptedException, ExecutionException, TimeoutException {
		CompletableFuture<HttpResponse<T>> answer = http.sendAsync(request, body);
		try {
			return answer.get(bound.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException e) {
			answer.cancel(true);
			throw e;
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
