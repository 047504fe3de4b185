package org.tongxin.people.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How often each character appears in names, read from PostgreSQL's own statistics on
 * people_person.name_grams (most common elements and their frequencies, refreshed by ANALYZE).
 * Characters missing from the statistics are rarer than every one listed.
 */
@Component
public class GramFrequencies {

	private final JdbcClient jdbc;

	private volatile Map<String, Double> frequencies = Map.of();

	GramFrequencies(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	double of(String gram) {
		return frequencies.getOrDefault(gram, 0.0);
	}

	@Scheduled(initialDelay = 0, fixedDelayString = "${tongxin.people.gram-statistics-refresh:10m}")
	public void refresh() {
		Map<String, Double> fresh = new HashMap<>();
		jdbc.sql("""
				select s.elem, s.freq
				from pg_stats st,
				     unnest(st.most_common_elems::text::text[], st.most_common_elem_freqs[1:array_length(st.most_common_elems::text::text[], 1)]) as s(elem, freq)
				where st.schemaname = current_schema() and st.tablename = 'people_person' and st.attname = 'name_grams'""")
			.query((rs, n) -> fresh.put(rs.getString(1), rs.getDouble(2)))
			.list();
		frequencies = fresh;
	}
}
