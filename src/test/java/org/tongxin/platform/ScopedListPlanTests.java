package org.tongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.people.IdNumber;

/**
 * Every scoped list, search and count of the large tables, as each kind of account sends it, is planned on a
 * scope index after 20 executions of the same prepared statement: never a sequential scan of the person,
 * organisation or event table, never a walk of the primary key that filters row by row on the scope.
 * <p>
 * The database is shaped like a national one, in small: 150,000 persons over the 49 cities, 深圳 light, and
 * the newest 40,000 all in 成都 (a city's bulk import); 60,000 organisations and 30,000 events, the newest in
 * 成都 again. That is where the former semi-join went wrong (a small city's first page walked the primary key
 * past the whole of 成都's import). Twenty executions: PostgreSQL may switch a prepared statement to a
 * generic plan, made without the values, from the sixth on; a benchmark or a test on fresh plans would not
 * see it.
 */
@SpringBootTest(properties = { "tongxin.demo.people=150000", "tongxin.demo.people-weights=440300:0.05",
		"tongxin.demo.people-newest-city=510100", "tongxin.demo.people-newest=40000" })
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopedListPlanTests {

	static final int EXECUTIONS = 20;

	static final Pattern LARGE_TABLE = Pattern.compile("\\bfrom (people_person|org_organisation|act_event) ");

	@TestConfiguration
	static class Recording {

		@Bean
		static StatementRecorder statementRecorder() {
			return new StatementRecorder();
		}
	}

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	StatementRecorder recorder;

	@BeforeAll
	void shapeTheOtherLargeTables() {
		jdbc.sql("""
				insert into org_organisation (name, kind, unit_id)
				select '规模测试组织' || g, 'SOCIAL_ORG',
				       case when g > 30000 then (array[510104, 510105, 510106, 510107, 510108])[1 + g % 5]
				            else d.ids[1 + g % array_length(d.ids, 1)] end
				from generate_series(1, 60000) g,
				     (select array_agg(id order by id) ids from platform_unit where level = 'DISTRICT') d""").update();
		jdbc.sql("""
				insert into act_event (unit_id, title, kind, starts_at, ends_at)
				select case when g > 15000 then 510104 else d.ids[1 + g % array_length(d.ids, 1)] end,
				       '规模测试活动' || g, 'TRAINING', now() - interval '400 days' + g * interval '20 minutes',
				       now() - interval '400 days' + g * interval '20 minutes' + interval '2 hours'
				from generate_series(1, 30000) g,
				     (select array_agg(id order by id) ids from platform_unit where level = 'DISTRICT') d""").update();
		jdbc.sql("analyze org_organisation").update();
		jdbc.sql("analyze act_event").update();
		jdbc.sql("analyze people_person").update();
	}

	@Test
	void theNationalRegistryIsSkewedAsIntended() {
		long all = count("select count(*) from people_person");
		long chengdu = count("select count(*) from people_person where unit_d3 = 510100");
		long shenzhen = count("select count(*) from people_person where unit_d3 = 440300");
		long newestInChengdu = count("""
				select count(*) from (select unit_d3 from people_person order by id desc limit 40000) n
				where unit_d3 = 510100""");
		assertThat(all).isGreaterThanOrEqualTo(150_000);
		// The other modules' demo data registers a few persons of their own after the bulk load.
		assertThat(newestInChengdu).isGreaterThan(39_900);
		assertThat(shenzhen).isBetween(1L, 1_000L);
		assertThat(chengdu).isGreaterThan(40_000);
	}

	@Test
	void everyScopedListOfEveryKindOfAccountIsPlannedOnAScopeIndex() throws Exception {
		long middle = count("select max(id) / 2 from people_person");
		long middleOrganisation = count("select max(id) - 20000 from org_organisation");
		String idNumber = IdNumber.of("510104", LocalDate.of(1985, 6, 1), 17).value();
		List<String> requests = List.of("/people", "/people?before=" + middle, "/people?q=王", "/people?q=王伟",
				"/people?q=王建国", "/people?q=1234", "/people?q=" + idNumber, "/people?group=ENTERPRISE", "/people?unit=510104",
				"/organisations", "/organisations?before=" + middleOrganisation, "/organisations?q=规模", "/organisations?unit=510104",
				"/activities/events");
		Map<String, String> problems = new LinkedHashMap<>();
		int checked = 0;
		for (String account : List.of("central", "sichuan", "chengdu", "shenzhen", "yuzhong")) {
			MockHttpSession session = SignIn.as(mvc, account);
			for (String request : requests) {
				recorder.start();
				assertThat(mvc.get().uri(request).session(session)).hasStatusOk();
				for (StatementRecorder.Recorded statement : recorder.stop()) {
					// The list's own estimate ("explain select …") plans the statement without running it.
					if (!LARGE_TABLE.matcher(statement.sql()).find() || statement.sql().stripLeading().startsWith("explain")) {
						continue;
					}
					String plan = planAfterRepeatedExecutions(statement);
					checked++;
					String problem = problem(plan, statement.sql().contains("unit_d"));
					if (problem != null) {
						problems.put(account + " " + request + ": " + problem + "\n" + statement.sql(), plan);
					}
				}
			}
		}
		assertThat(problems).as("statements planned without a scope index").isEmpty();
		assertThat(checked).as("statements checked").isGreaterThan(100);
	}

	@Test
	void theCheckRecognisesThePlansItExistsToCatch() {
		assertThat(problem("""
				Limit
				  ->  Index Scan Backward using people_person_pkey on people_person p
				        Filter: ((anonymised_at IS NULL) AND (unit_d3 = '440300'::bigint))""", true)).contains("primary key");
		assertThat(problem("""
				Aggregate
				  ->  Seq Scan on org_organisation o
				        Filter: (unit_d2 = '510000'::bigint)""", true)).contains("sequential scan");
		assertThat(problem("""
				Aggregate
				  ->  Seq Scan on people_person p
				        Filter: (anonymised_at IS NULL)""", false)).contains("sequential scan");
		assertThat(problem("""
				Aggregate
				  ->  Limit
				        ->  Seq Scan on people_person p
				              Filter: (anonymised_at IS NULL)""", false)).isNull();
		assertThat(problem("""
				Limit
				  ->  Index Scan Backward using people_person_scope_d3 on people_person p
				        Index Cond: (unit_d3 = '440300'::bigint)""", true)).isNull();
		assertThat(problem("""
				Limit
				  ->  Sort
				        ->  Index Scan using people_person_pkey on people_person p
				              Index Cond: ((id < '150021'::bigint) AND (id >= '130021'::bigint))
				              Filter: ((unit_d3 >= '510100'::bigint) AND (unit_d3 <= '510100'::bigint))""", true)).isNull();
		// The centre has no scope predicate: walking the primary key without one is the right plan.
		assertThat(problem("""
				Limit
				  ->  Index Scan Backward using people_person_pkey on people_person p
				        Filter: ((anonymised_at IS NULL) AND (merged_into IS NULL))""", false)).isNull();
	}

	/**
	 * Why a plan is wrong, or null. The centre's statements have no scope predicate: for them a sequential
	 * scan under a Limit (a capped count, which stops at the cap) is the right plan.
	 */
	static String problem(String plan, boolean scoped) {
		Matcher seq = Pattern.compile("Seq Scan on (people_person|org_organisation|act_event)\\b").matcher(plan);
		if (seq.find() && (scoped || !plan.substring(0, seq.start()).contains("Limit"))) {
			return "sequential scan of " + seq.group(1);
		}
		String[] lines = plan.split("\n");
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].matches(".*Index (Only )?Scan (Backward )?using (people_person|org_organisation|act_event)_pkey.*")) {
				int indent = indent(lines[i]);
				boolean filteredByScope = false;
				boolean window = false;
				for (int j = i + 1; j < lines.length && indent(lines[j]) > indent && !lines[j].contains("->"); j++) {
					filteredByScope |= lines[j].contains("Filter:") && lines[j].contains("unit_d");
					// A range of ids bounded on both sides (a name search's window of the newest 20,000 ids) reads
					// at most that window: not a walk through the table.
					window |= lines[j].contains("Index Cond:") && lines[j].contains("(id <") && lines[j].contains("(id >=");
				}
				if (filteredByScope && !window) {
					return "walk of the primary key filtered by scope";
				}
			}
		}
		return null;
	}

	private static int indent(String line) {
		int n = 0;
		while (n < line.length() && line.charAt(n) == ' ') {
			n++;
		}
		return n;
	}

	/**
	 * The plan PostgreSQL uses for the statement after it has run {@value #EXECUTIONS} times as a prepared
	 * statement on one of the application's own connections (with their plan_cache_mode).
	 */
	String planAfterRepeatedExecutions(StatementRecorder.Recorded statement) throws Exception {
		List<String> types = new ArrayList<>();
		List<String> literals = new ArrayList<>();
		for (Object value : statement.values()) {
			types.add(type(value));
			literals.add(literal(value));
		}
		String sql = numbered(statement.sql());
		try (Connection connection = dataSource.getConnection(); Statement st = connection.createStatement()) {
			st.execute("deallocate all");
			String declared = types.isEmpty() ? "" : " (" + String.join(", ", types) + ")";
			try {
				st.execute("prepare scoped" + declared + " as " + sql);
			}
			catch (java.sql.SQLException e) {
				throw new AssertionError("cannot prepare: " + sql, e);
			}
			String execute = "execute scoped (" + String.join(", ", literals) + ")";
			if (literals.isEmpty()) {
				execute = "execute scoped";
			}
			for (int i = 0; i < EXECUTIONS; i++) {
				st.execute(execute);
			}
			StringBuilder plan = new StringBuilder();
			try (ResultSet rs = st.executeQuery("explain " + execute)) {
				while (rs.next()) {
					plan.append(rs.getString(1)).append('\n');
				}
			}
			st.execute("deallocate scoped");
			return plan.toString();
		}
	}

	/** "?" placeholders (outside quotes) as $1, $2, … */
	static String numbered(String sql) {
		StringBuilder out = new StringBuilder();
		boolean quoted = false;
		boolean comment = false;
		int n = 0;
		char previous = 0;
		for (char c : sql.toCharArray()) {
			if (c == '\n') {
				comment = false;
			}
			else if (c == '-' && previous == '-' && !quoted) {
				comment = true;
			}
			if (c == '\'' && !comment) {
				quoted = !quoted;
			}
			previous = c;
			if (c == '?' && !quoted && !comment) {
				out.append('$').append(++n);
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static String type(Object value) {
		if (value == StatementRecorder.NULL) {
			return "unknown";
		}
		return switch (value) {
			case Long l -> "bigint";
			case Integer i -> "int";
			case Boolean b -> "boolean";
			case byte[] bytes -> "bytea";
			case java.sql.Timestamp t -> "timestamptz";
			case java.sql.Date d -> "date";
			default -> "unknown";
		};
	}

	private static String literal(Object value) {
		if (value == StatementRecorder.NULL) {
			return "null";
		}
		return switch (value) {
			case Number n -> n.toString();
			case Boolean b -> b.toString();
			case byte[] bytes -> "'\\x" + HexFormat.of().formatHex(bytes) + "'";
			case Object[] array -> "'{" + String.join(",", java.util.Arrays.stream(array)
				.map(o -> "\"" + o.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
				.toList()) + "}'";
			default -> "'" + value.toString().replace("'", "''") + "'";
		};
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}
}
