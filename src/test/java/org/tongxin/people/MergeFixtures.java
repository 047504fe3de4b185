package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.people.dedupe.Deduplication;

/**
 * Two records of one person in 深圳 (福田区 and 南山区, so the 深圳 staff may merge them), found as a duplicate
 * pair, and their merge and undo through the screens. For tests of modules that follow merges.
 */
public final class MergeFixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private MergeFixtures() {
	}

	/** The pair, detected: {survivor (the older record), merged-away, pair id}. */
	public static long[] pair(JdbcClient jdbc, Deduplication deduplication) {
		String name = "合并" + "甲乙丙丁戊己庚辛壬癸".charAt(SEQUENCE.incrementAndGet() % 10) + System.nanoTime() % 100_000;
		long keep = person(jdbc, 440304, name);
		long other = person(jdbc, 440305, name);
		deduplication.detect();
		long pair = jdbc.sql("select id from people_duplicate where low_id = ? and high_id = ?")
			.params(keep, other)
			.query(Long.class)
			.single();
		return new long[] { keep, other, pair };
	}

	/** Merges the pair as {@code session} (深圳's staff); returns the merge's id. */
	public static long merge(MockMvcTester mvc, JdbcClient jdbc, MockHttpSession session, long pair) {
		assertThat(mvc.post().uri("/people/duplicates/{id}/merge", pair).session(session).with(csrf())).hasStatus(302);
		return jdbc.sql("select id from people_merge where duplicate_id = ?").param(pair).query(Long.class).single();
	}

	public static void undo(MockMvcTester mvc, MockHttpSession session, long merge) {
		assertThat(mvc.post().uri("/people/duplicates/merges/{m}/undo", merge).session(session).with(csrf()))
			.hasStatus(302);
	}

	private static long person(JdbcClient jdbc, long unit, String name) {
		return jdbc.sql("""
				insert into people_person (unit_id, region_code, name, sex, birth_date, group_code, employer, legal_basis)
				values (?, ?, ?, 'M', date '1981-04-05', 'ENTERPRISE', '合并测试公司', 'CONSENT') returning id""")
			.params(unit, unit / 100 * 100 + "", name)
			.query(Long.class)
			.single();
	}
}
