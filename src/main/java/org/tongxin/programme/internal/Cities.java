package org.tongxin.programme.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.platform.LikePatterns;
import org.tongxin.platform.UnitId;
import org.tongxin.programme.CityRank;
import org.tongxin.programme.ProgrammeCity;
import org.tongxin.programme.Tier;

/** Cities with rank and tier. Public reference data, so not restricted by data scope. */
@Repository
public class Cities {

	private static final String SELECT = """
			select c.*, b.name as base_name
			from programme_city c left join programme_base b on b.city_unit = c.unit_id
			""";

	private final JdbcClient jdbc;

	Cities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The cities of the programme, pilots first, then by code; optionally filtered. */
	public List<ProgrammeCity> inProgramme(@Nullable Tier tier, @Nullable CityRank rank, @Nullable String provinceCode,
			@Nullable String text) {
		return jdbc.sql(SELECT + """
				where c.tier is not null
				  and (cast(:tier as text) is null or c.tier = :tier)
				  and (cast(:rank as text) is null or c.rank = :rank
				       or (:rank = 'PROVINCIAL_CAPITAL' and c.provincial_capital))
				  and (cast(:province as text) is null or c.province_code = :province)
				  and (cast(:text as text) is null or c.name like :text or c.province_name like :text)
				order by case c.tier when 'PILOT' then 0 else 1 end, c.code""")
			.param("tier", tier == null ? null : tier.name())
			.param("rank", rank == null ? null : rank.name())
			.param("province", provinceCode)
			.param("text", LikePatterns.containing(text))
			.query(Cities::map)
			.list();
	}

	/** Every city of the country: the denominators of coverage. */
	public List<ProgrammeCity> all() {
		return jdbc.sql(SELECT + " order by c.code").query(Cities::map).list();
	}

	public Optional<ProgrammeCity> find(UnitId unit) {
		return jdbc.sql(SELECT + " where c.unit_id = ?").param(unit.value()).query(Cities::map).optional();
	}

	private static ProgrammeCity map(ResultSet rs, int row) throws SQLException {
		String tier = rs.getString("tier");
		// Read as an object: wasNull() after the other getters below asked about the last column read, not this one.
		Integer year = rs.getObject("tier_year", Integer.class);
		return new ProgrammeCity(new UnitId(rs.getLong("unit_id")), rs.getString("code"), rs.getString("name"),
				rs.getString("province_code"), rs.getString("province_name"), CityRank.valueOf(rs.getString("rank")),
				rs.getBoolean("provincial_capital"), tier == null ? null : Tier.valueOf(tier),
				year, rs.getString("base_name"));
	}
}
