package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.StreamedExport;
import org.tongxin.platform.exports.ExportRoutingDataSource;

/**
 * Streamed exports run on a small pool of their own (3 connections here as in production; the wait for a
 * connection is shortened so that a refusal comes quickly): while three large exports are held open mid-stream,
 * the pages are served from the main pool as if nothing were running, and a fourth export is refused with a
 * readable 503 after the wait, never a 500 and never at the pages' expense.
 */
@PlatformTest
@TestPropertySource(properties = { "tongxin.exports.pool-size=3", "tongxin.exports.max-wait=300ms" })
class ExportPoolTests {

	/** Requests carrying this header stop at their first byte on the wire until the test lets them go on. */
	static final String HOLD = "X-Test-Hold-Export";

	/** Downloads that read nothing from the database (a fixed template): they need no connection at all. */
	static final Set<String> WITHOUT_DATABASE = Set.of("/organisations/imports/template.xlsx");

	static final List<String> PAGES = List.of("/people", "/organisations", "/activities/events", "/programme/sites",
			"/people?q=王");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	HoldingFilter hold;

	@Test
	void threeExportsHeldMidStreamLeaveTheMainPoolToThePagesAndAFourthIsRefusedWith503() throws Exception {
		List<MockHttpSession> sessions = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			sessions.add(SignIn.as(mvc, "central"));
		}
		hold.expect(3);
		List<Long> besideExports = List.of();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			// Once for warm-up, so that the figures printed below compare like with like.
			pages(threads, sessions.subList(3, 15));
			List<Future<MvcTestResult>> exports = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				MockHttpSession session = sessions.get(i);
				exports.add(threads.submit(
						() -> mvc.get().uri("/people/export.csv").header(HOLD, "yes").session(session).exchange()));
			}
			try {
				assertThat(hold.reached.await(60, TimeUnit.SECONDS)).as("three exports mid-stream").isTrue();
				// Each sits in its open read transaction, on a connection of the export pool.
				assertThat(openTransactions("tongxin-export")).isEqualTo(3);

				besideExports = pages(threads, sessions.subList(3, 15));
				// Far below the pool's 30 s connection timeout: no page waited for a connection held by an export.
				assertThat(besideExports).allSatisfy(ms -> assertThat(ms).isLessThan(10_000));

				long start = System.nanoTime();
				MvcTestResult fourth = mvc.get()
					.uri("/people/export.csv")
					.header(HttpHeaders.ACCEPT, "application/json")
					.session(sessions.get(15))
					.exchange();
				long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
				assertThat(fourth).hasStatus(503);
				assertThat(fourth.getMvcResult().getResponse().getContentType()).startsWith("application/problem+json");
				assertThat(fourth.getMvcResult().getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("导出任务较多，请稍后再试");
				assertThat(fourth.getMvcResult().getResponse().getHeader(HttpHeaders.RETRY_AFTER)).isNotNull();
				assertThat(waited).as("waited for a free export connection first").isGreaterThanOrEqualTo(300);
				System.out.println("4th export refused after " + waited + " ms");

				MvcTestResult inTheBrowser = mvc.get().uri("/people/export.xlsx").session(sessions.get(15)).exchange();
				assertThat(inTheBrowser).hasStatus(503);
				assertThat(code(inTheBrowser)).isEqualTo("problem.exportsBusy");
				// The error page is shown, not saved as the spreadsheet the link promised.
				assertThat(inTheBrowser.getMvcResult().getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION)).doesNotStartWith("attachment");
			}
			finally {
				hold.release.countDown();
			}
			for (Future<MvcTestResult> export : exports) {
				MvcTestResult result = export.get(120, TimeUnit.SECONDS);
				assertThat(result).hasStatusOk();
				assertThat(result.getMvcResult().getResponse().getContentAsString(StandardCharsets.UTF_8).lines().count())
					.isGreaterThan(1000);
			}
			System.out.println("12 concurrent pages beside 3 held exports, ms: " + besideExports + "; the same alone: "
					+ pages(threads, sessions.subList(3, 15)));
		}
	}

	@Test
	void anExportsTransactionRunsOnTheExportPoolAndEverythingElseOnTheMainPool() throws Exception {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		String sql = "select current_setting('application_name')";
		String inExport = ExportRoutingDataSource
			.onExportPool(() -> transaction.execute(status -> jdbc.sql(sql).query(String.class).single()));
		String outside = transaction.execute(status -> jdbc.sql(sql).query(String.class).single());
		assertThat(inExport).isEqualTo("tongxin-export");
		assertThat(outside).isEqualTo("tongxin");
		// The export pool's sessions are set up like the main pool's: the display zone (connection-init-sql) and
		// plans made for the values at hand (the driver's options).
		String settings = "select current_setting('timezone') || ' ' || current_setting('plan_cache_mode')";
		String exportSettings = ExportRoutingDataSource.onExportPool(() -> jdbc.sql(settings).query(String.class).single());
		assertThat(exportSettings).isEqualTo(jdbc.sql(settings).query(String.class).single())
			.isEqualTo("Asia/Shanghai force_custom_plan");
	}

	@Test
	void everyExportHandlerIsMarkedAsAStreamedExport() {
		assertThat(exports()).hasSizeGreaterThanOrEqualTo(20)
			.allSatisfy(export -> assertThat(export.handler().hasMethodAnnotation(StreamedExport.class))
				.as(export.pattern() + " marked @StreamedExport").isTrue());
	}

	@Test
	void withEveryExportConnectionTakenEveryExportIsRefusedWith503AndNoneTouchesTheMainPool() throws Exception {
		List<Connection> held = new ArrayList<>();
		List<String> unexpected = new ArrayList<>();
		int refused = 0;
		try {
			for (int i = 0; i < 3; i++) {
				held.add(ExportRoutingDataSource.onExportPool(dataSource::getConnection));
			}
			for (String account : List.of("admin", "central")) {
				MockHttpSession session = SignIn.as(mvc, account);
				for (Endpoint export : exports()) {
					for (String uri : ExportEndpointsTests.uris(export)) {
						MvcTestResult result = mvc.get().uri(uri).session(session).exchange();
						int status = result.getUnresolvedException() != null ? 500 : result.getMvcResult().getResponse().getStatus();
						boolean expected = status == 503 && "problem.exportsBusy".equals(code(result)) || status == 403
								|| status == 200 && WITHOUT_DATABASE.contains(export.pattern());
						if (!expected) {
							unexpected.add(account + " GET " + uri + " -> " + status);
						}
						refused += status == 503 ? 1 : 0;
					}
				}
			}
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
		assertThat(unexpected).as("exports answered without waiting for the export pool").isEmpty();
		assertThat(refused).isGreaterThanOrEqualTo(20);
	}

	@Test
	void anExportNeverNeedsASecondExportConnection() throws Exception {
		List<Connection> held = new ArrayList<>();
		List<String> failures = new ArrayList<>();
		try {
			for (int i = 0; i < 2; i++) {
				held.add(ExportRoutingDataSource.onExportPool(dataSource::getConnection));
			}
			// One export connection left: an export that took a second one while holding the first would wait
			// for itself and be refused.
			for (String account : List.of("admin", "central", "chengdu")) {
				MockHttpSession session = SignIn.as(mvc, account);
				for (Endpoint export : exports()) {
					for (String uri : ExportEndpointsTests.uris(export)) {
						MvcTestResult result = mvc.get().uri(uri).session(session).exchange();
						int status = result.getUnresolvedException() != null ? 500 : result.getMvcResult().getResponse().getStatus();
						if (status != 200 && status != 403 && status != 404) {
							failures.add(account + " GET " + uri + " -> " + status);
						}
					}
				}
			}
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
		assertThat(failures).isEmpty();
	}

	/** The pages' latencies, each page requested by its own session, all at once. */
	private List<Long> pages(ExecutorService threads, List<MockHttpSession> sessions) throws Exception {
		List<Future<Long>> pages = new ArrayList<>();
		for (int i = 0; i < sessions.size(); i++) {
			MockHttpSession session = sessions.get(i);
			String page = PAGES.get(i % PAGES.size());
			pages.add(threads.submit(() -> {
				long start = System.nanoTime();
				MvcTestResult result = mvc.get().uri(page).session(session).exchange();
				assertThat(result).as(page).hasStatusOk();
				return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
			}));
		}
		List<Long> millis = new ArrayList<>();
		for (Future<Long> page : pages) {
			millis.add(page.get(60, TimeUnit.SECONDS));
		}
		return millis;
	}

	private List<Endpoint> exports() {
		return Endpoint.all(mapping).stream().filter(ExportEndpointsTests::isExport).toList();
	}

	/** The code of the problem answered: from the body of an API answer, or as handed to the error page. */
	private static @Nullable Object code(MvcTestResult result) throws Exception {
		if (result.getMvcResult().getRequest().getAttribute(ProblemResponses.PROBLEM) instanceof ProblemDetail problem) {
			return problem.getProperties() == null ? null : problem.getProperties().get("code");
		}
		String body = result.getMvcResult().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return body.contains("\"code\":\"problem.exportsBusy\"") ? "problem.exportsBusy" : body;
	}

	private long openTransactions(String applicationName) {
		return jdbc
			.sql("select count(*) from pg_stat_activity where datname = current_database() and application_name = ?"
					+ " and state like 'idle in transaction%'")
			.param(applicationName)
			.query(Long.class)
			.single();
	}

	@TestConfiguration
	static class HoldExportsMidStream {

		@Bean
		HoldingFilter holdingFilter() {
			return new HoldingFilter();
		}
	}

	/**
	 * Stands for a slow client: a request with {@link #HOLD} blocks at its first write to the response until
	 * released, while the export's transaction (and its connection) stays open.
	 */
	static class HoldingFilter extends OncePerRequestFilter {

		volatile CountDownLatch reached = new CountDownLatch(0);

		volatile CountDownLatch release = new CountDownLatch(0);

		void expect(int requests) {
			reached = new CountDownLatch(requests);
			release = new CountDownLatch(1);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getHeader(HOLD) == null) {
				chain.doFilter(request, response);
				return;
			}
			CountDownLatch reachedNow = reached;
			CountDownLatch releaseNow = release;
			chain.doFilter(request, new HttpServletResponseWrapper(response) {

				boolean waited;

				@Override
				public ServletOutputStream getOutputStream() throws IOException {
					ServletOutputStream out = super.getOutputStream();
					return new ServletOutputStream() {

						@Override
						public void write(int b) throws IOException {
							holdOnce();
							out.write(b);
						}

						@Override
						public void write(byte[] b, int off, int len) throws IOException {
							holdOnce();
							out.write(b, off, len);
						}

						@Override
						public boolean isReady() {
							return out.isReady();
						}

						@Override
						public void setWriteListener(WriteListener listener) {
							out.setWriteListener(listener);
						}
					};
				}

				private void holdOnce() throws IOException {
					if (waited) {
						return;
					}
					waited = true;
					reachedNow.countDown();
					try {
						releaseNow.await(120, TimeUnit.SECONDS);
					}
					catch (InterruptedException e) {
						Thread.currentThread().interrupt();
						throw new IOException(e);
					}
				}
			});
		}
	}
}
