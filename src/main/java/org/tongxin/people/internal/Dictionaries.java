package org.tongxin.people.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.people.DictionaryEntry;

/** The registry's code lists. Public reference data: not restricted by data scope. */
@Repository
public class Dictionaries {

	private final JdbcClient jdbc;

	Dictionaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every entry, by kind and code, in display order. */
	public Map<String, Map<String, DictionaryEntry>> all() {
		Map<String, Map<String, DictionaryEntry>> byKind = new LinkedHashMap<>();
		for (DictionaryEntry entry : jdbc.sql("select * from people_dictionary order by kind, sort, code")
			.query((rs, n) -> new DictionaryEntry(rs.getString("kind"), rs.getString("code"), rs.getString("label_zh"),
					rs.getString("label_en"), rs.getString("parent"), rs.getInt("sort"), rs.getBoolean("active")))
			.list()) {
			byKind.computeIfAbsent(entry.kind(), k -> new LinkedHashMap<>()).put(entry.code(), entry);
		}
		return byKind;
	}

	public List<String> kinds() {
		return jdbc.sql("select distinct kind from people_dictionary order by kind").query(String.class).list();
	}

	public boolean exists(String kind, String code) {
		return jdbc.sql("select count(*) from people_dictionary where kind = ? and code = ?")
			.params(kind, code)
			.query(Long.class)
			.single() > 0;
	}

	public void insert(String kind, String code, String labelZh, String labelEn, @Nullable String parent, int sort) {
		jdbc.sql("insert into people_dictionary (kind, code, label_zh, label_en, parent, sort) values (?, ?, ?, ?, ?, ?)")
			.params(kind, code, labelZh, labelEn, parent, sort)
			.update();
	}

	public void activate(String kind, String code, boolean active) {
		jdbc.sql("update people_dictionary set active = ? where kind = ? and code = ?").params(active, kind, code).update();
	}
}
