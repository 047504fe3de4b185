package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.people.dedupe.Deduplication;

/**
 * Two records of one person in 深圳 (福田区 and 南山区, so the 深圳 staff may merge them), found as a duplicate
 * pair, and their merge and undo through the screens. For the tests of merging and of the modules that follow
 * merges; the test classes carry {@code @PlatformTest} themselves.
 */
public abstract class MergeTestSupport {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@Autowired
	protected MockMvcTester mvc;

	@Autowired
	protected JdbcClient jdbc;

	@Autowired
	protected Deduplication deduplication;

	/** The pair, detected: {survivor (the older record), merged-away, pair id}. */
	protected long[] duplicatePair() {
		String name = "合并" + "甲乙丙丁戊己庚辛壬癸".charAt(SEQUENCE.incrementAndGet() % 10) + System.nanoTime() % 100_000;
		long keep = person(440304, name);
		long other = person(440305, name);
		deduplication.detect();
		long pair = jdbc.sql("select id from people_duplicate where low_id = ? and high_id = ?")
			.params(keep, other)
			.query(Long.class)
			.single();
		return new long[] { keep, other, pair };
	}

	/** Merges the pair as {@code session} (深圳's staff); returns the merge's id. */
	protected long merge(MockHttpSession session, long pair) {
		assertThat(mvc.post().uri("/people/duplicates/{id}/merge", pair).session(session).with(csrf())).hasStatus(302);
		return mergeOf(pair);
	}

	/** The merge that took {@code pair}. */
	protected long mergeOf(long pair) {
		return jdbc.sql("select id from people_merge where duplicate_id = ?").param(pair).query(Long.class).single();
	}

	protected void undo(MockHttpSession session, long merge) {
		assertThat(mvc.post().uri("/people/duplicates/merges/{m}/undo", merge).session(session).with(csrf()))
			.hasStatus(302);
	}

	private long person(long unit, String name) {
		return jdbc.sql("""
				insert into people_person (unit_id, region_code, name, sex, birth_date, group_code, employer, legal_basis)
				values (?, ?, ?, 'M', date '1981-04-05', 'ENTERPRISE', '合并测试公司', 'CONSENT') returning id""")
			.params(unit, unit / 100 * 100 + "", name)
			.query(Long.class)
			.single();
	}
}
