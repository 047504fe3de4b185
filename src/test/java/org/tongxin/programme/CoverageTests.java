package org.tongxin.programme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

@PlatformTest
class CoverageTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	ProgrammeMap programme;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFortyNineCitiesCoverEveryCapitalSubProvincialCityAndMunicipality() {
		Coverage coverage = programme.coverage();
		assertThat(coverage.pilot()).isEqualTo(15);
		assertThat(coverage.promotion()).isEqualTo(34);
		assertThat(coverage.provincialCapitals()).extracting(Coverage.Share::covered, Coverage.Share::total)
			.containsExactly(27, 27);
		assertThat(coverage.subProvincialCities()).extracting(Coverage.Share::covered, Coverage.Share::total)
			.containsExactly(15, 15);
		assertThat(coverage.municipalities()).extracting(Coverage.Share::covered, Coverage.Share::total)
			.containsExactly(4, 4);
		assertThat(coverage.coversAllCapitalsAndSubProvincialCities()).isTrue();
	}

	@Test
	@Transactional
	void coverageFollowsTheDataNotTheText() {
		jdbc.sql("update programme_city set tier = null, tier_year = null where code = '540100'").update();
		jdbc.sql("update programme_city set tier = null, tier_year = null where code = '330200'").update();

		Coverage coverage = programme.coverage();

		assertThat(coverage.promotion()).isEqualTo(32);
		assertThat(coverage.provincialCapitals().covered()).isEqualTo(26);
		assertThat(coverage.provincialCapitals().missing()).containsExactly("拉萨市");
		assertThat(coverage.subProvincialCities().missing()).containsExactly("宁波市");
		assertThat(coverage.coversAllCapitalsAndSubProvincialCities()).isFalse();

		MockHttpSession central = SignIn.as(mvc, "central");
		assertThat(mvc.get().uri("/programme").session(central)).bodyText()
			.contains("尚未涵盖全部省会城市、副省级城市")
			.contains("拉萨市");
	}

	@Test
	void coverageApiHasTheDocumentedShape() {
		MockHttpSession central = SignIn.as(mvc, "central");
		assertThat(mvc.get().uri("/api/v1/programme/coverage").session(central)).hasStatusOk()
			.bodyJson()
			.isStrictlyEqualTo("""
					{ "pilot": 15, "promotion": 34,
					  "provincialCapitals": {"covered": 27, "total": 27},
					  "subProvincialCities": {"covered": 15, "total": 15},
					  "municipalities": {"covered": 4, "total": 4} }""");
	}

	@Test
	void citiesApiListsTheFortyNineWithTierYearAndRank() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		var json = assertThat(mvc.get().uri("/api/v1/programme/cities").session(chengdu)).hasStatusOk().bodyJson();
		json.extractingPath("$.length()").isEqualTo(49);
		json.extractingPath("$[?(@.code == '510100')].rank").asArray().containsExactly("SUB_PROVINCIAL");
		json.extractingPath("$[?(@.code == '510100')].tier").asArray().containsExactly("PILOT");
		json.extractingPath("$[?(@.code == '510100')].year").asArray().containsExactly(2017);
		json.extractingPath("$[?(@.code == '440400')].province").asArray().containsExactly("广东省");
		json.extractingPath("$[?(@.tier == 'PILOT')]").asArray().hasSize(15);
	}

	@Test
	void overviewShowsTheCoverageStatementAndExportsTheCities() {
		MockHttpSession central = SignIn.as(mvc, "central");
		assertThat(mvc.get().uri("/programme").session(central)).hasStatusOk()
			.bodyText()
			.contains("数据表明：实践创新基地涵盖了全部省会城市、副省级城市。")
			.contains("27 / 27")
			.contains("15 / 15");
		assertThat(mvc.get().uri("/programme/cities.xlsx?tier=PILOT").session(central)).hasStatusOk()
			.hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}
}
