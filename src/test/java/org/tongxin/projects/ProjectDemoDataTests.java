package org.tongxin.projects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/** The demo data set: the seed's 15 first-batch projects, one per pilot city; the second batch empty. */
@PlatformTest
class ProjectDemoDataTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Test
	void batchOneHoldsFifteenProjectsInFifteenDistinctPilotCities() {
		assertThat(jdbc.sql("""
				select count(*) from programme_project p join programme_batch b on b.id = p.batch_id
				where b.number = 1""").query(Long.class).single()).isEqualTo(15);
		assertThat(jdbc.sql("""
				select count(distinct c.unit_id)
				from programme_project p
				join programme_batch b on b.id = p.batch_id
				join programme_city c on c.unit_id = p.city_unit
				where b.number = 1 and c.tier = 'PILOT'""").query(Long.class).single()).isEqualTo(15);
		assertThat(jdbc.sql("select planned_count from programme_batch where number = 1").query(Integer.class).single())
			.isEqualTo(15);
	}

	@Test
	void batchTwoPlansThirtySixAndIsEmpty() {
		assertThat(jdbc.sql("select planned_count from programme_batch where number = 2").query(Integer.class).single())
			.isEqualTo(36);
		assertThat(mvc.get().uri("/api/v1/programme/batches").session(SignIn.as(mvc, "central"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[?(@.number == 2)].projects")
			.asArray()
			.containsExactly(0);
	}

	@Test
	void theSeedsCarriersAndDistrictsAreThere() {
		assertThat(jdbc.sql("select carrier from programme_project").query(String.class).list()).contains("心·家园",
				"同心家园", "金领E家", "自雇自足", "良库工舍同心园区", "南京好朋友", "正行·凝心", "三三五创标活动", "U创空间", "知音汇");
		assertThat(jdbc.sql("select unit_name from programme_project where carrier in ('U创空间', '知音汇', '金领E家', '良库工舍同心园区') order by unit_name")
			.query(String.class).list()).containsExactlyInAnyOrder("重庆市 / 渝中区", "武汉市 / 汉阳区", "福州市 / 台江区", "郑州市 / 惠济区");
		assertThat(jdbc.sql("select target from programme_indicator where name = '汇聚社会组织'").query(Integer.class).single())
			.isEqualTo(28);
	}
}
