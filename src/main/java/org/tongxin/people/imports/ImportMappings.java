package org.tongxin.people.imports;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.UnitId;

/** Header names a unit has mapped to fields itself, reused by its later imports. */
@Repository
class ImportMappings {

	private final JdbcClient jdbc;

	ImportMappings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, String> of(UnitId unit) {
		Map<String, String> mapping = new LinkedHashMap<>();
		jdbc.sql("select header, field from people_import_mapping where unit_id = ? order by header")
			.param(unit.value())
			.query((rs, n) -> mapping.put(rs.getString(1), rs.getString(2)))
			.list();
		return mapping;
	}

	void save(UnitId unit, String header, String field, String by) {
		jdbc.sql("""
				insert into people_import_mapping (unit_id, header, field, created_by) values (?, ?, ?, ?)
				on conflict (unit_id, header) do update set field = excluded.field, created_by = excluded.created_by,
				    created_at = now()""")
			.params(unit.value(), header, field, by)
			.update();
	}
}
