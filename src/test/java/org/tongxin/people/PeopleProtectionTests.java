package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/** Encryption at rest, masking by default, reveal only with people:reveal and a reason — audited. */
@PlatformTest
class PeopleProtectionTests {

	static final String NAME = "保护测试人";

	static final String ID = PeopleFixtures.idNumber("510104", LocalDate.of(1984, 7, 9), 357);

	static final String PHONE = "13987654321";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	long person;

	@BeforeEach
	void registered() {
		person = PeopleFixtures.registeredOnce(mvc, jdbc, "chengdu", NAME,
				PeopleFixtures.json(510104, NAME, ID, PHONE, "NEW_MEDIA", "成都同心传媒有限公司"));
	}

	@Test
	void aRawSelectOfTheTableHoldsNoIdNumberOrPhoneInClear() {
		String hexId = java.util.HexFormat.of().formatHex(ID.getBytes(StandardCharsets.UTF_8));
		String hexPhone = java.util.HexFormat.of().formatHex(PHONE.getBytes(StandardCharsets.UTF_8));
		String row = jdbc.sql("select row_to_json(p)::text from people_person p where id = ?").param(person)
			.query(String.class).single();
		assertThat(row).contains(NAME).doesNotContain(ID).doesNotContain(PHONE).doesNotContain("佛教")
			.doesNotContain(hexId).doesNotContain(hexPhone).doesNotContain(PHONE.substring(7));
		assertThat(jdbc.sql("""
				select count(*) from people_person p
				where row_to_json(p)::text like '%' || ? || '%' or row_to_json(p)::text like '%' || ? || '%'""")
			.params(ID, PHONE).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from platform_audit_log where detail like '%' || ? || '%' or detail like '%' || ? || '%'")
			.params(ID, PHONE).query(Long.class).single()).isZero();
	}

	@Test
	void sensitiveValuesAreMaskedByDefault() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		var json = assertThat(mvc.get().uri("/api/v1/people/{id}", person).session(chengdu)).hasStatusOk().bodyJson();
		json.extractingPath("$.idNumber").isEqualTo("*".repeat(18));
		json.extractingPath("$.phone").isEqualTo("139****4321");
		json.extractingPath("$.religion").isEqualTo("***");
		assertThat(mvc.get().uri("/people/{id}", person).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("139****4321")
			.doesNotContain(ID)
			.doesNotContain(PHONE)
			.doesNotContain("佛教")
			.doesNotContain("查看原因");
		assertThat(mvc.get().uri("/people/{id}/edit", person).session(chengdu)).hasStatusOk()
			.bodyText()
			.doesNotContain(ID)
			.doesNotContain(PHONE);
	}

	@Test
	void staffWithoutPeopleRevealAreRefused() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(PeopleFixtures.reveal(mvc, chengdu, person, "ID_NUMBER", "核对身份")).hasStatus(403);
		assertThat(mvc.post().uri("/people/{id}/reveal", person).session(chengdu).with(csrf())
			.param("field", "ID_NUMBER").param("reason", "核对身份")).hasStatus(403);
	}

	@Test
	void revealNeedsAReasonAndIsAudited() {
		MockHttpSession central = SignIn.as(mvc, "central");
		assertThat(mvc.get().uri("/people/{id}", person).session(central)).bodyText().contains("查看原因");
		long before = reveals();
		assertThat(PeopleFixtures.reveal(mvc, central, person, "ID_NUMBER", "  ")).hasStatus(400);
		assertThat(mvc.post().uri("/people/{id}/reveal", person).session(central).with(csrf())
			.param("field", "PHONE").param("reason", "")).hasStatusOk()
			.bodyText()
			.contains("请填写查看原因。")
			.doesNotContain(PHONE);
		assertThat(reveals()).isEqualTo(before);

		assertThat(PeopleFixtures.reveal(mvc, central, person, "ID_NUMBER", "核对身份信息")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.value")
			.isEqualTo(ID);
		assertThat(mvc.post().uri("/people/{id}/reveal", person).session(central).with(csrf())
			.param("field", "PHONE").param("reason", "电话联系活动报名")).hasStatusOk()
			.bodyText()
			.contains(PHONE)
			.contains("审计日志");
		assertThat(mvc.post().uri("/people/{id}/reveal", person).session(central).with(csrf())
			.param("field", "RELIGION").param("reason", "统计核对")).bodyText().contains("佛教");
		assertThat(reveals()).isEqualTo(before + 3);
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_log where action = 'REVEAL' and object_id = ? and actor = 'central'
				  and reason = '电话联系活动报名' and detail like '%PHONE%'""").param(Long.toString(person))
			.query(Long.class).single()).isEqualTo(1);
		// Nothing of the clear value is kept for the session: the page shows the mask again.
		assertThat(mvc.get().uri("/people/{id}", person).session(central)).bodyText().doesNotContain(PHONE);
	}

	@Test
	void exportsAreMaskedWithoutPeopleRevealAndClearWithIt() throws Exception {
		String staff = mvc.get().uri("/people/export.csv?q={q}", NAME).session(SignIn.as(mvc, "chengdu")).exchange()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(staff).contains(NAME).contains("*".repeat(18)).contains("139****4321")
			.doesNotContain(ID).doesNotContain(PHONE);
		String office = mvc.get().uri("/people/export.csv?q={q}", NAME).session(SignIn.as(mvc, "central")).exchange()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(office).contains(ID).contains(PHONE);
		assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'EXPORT' and actor = 'central' and detail like '%\"sensitive\":\"clear\"%'")
			.query(Long.class).single()).isPositive();
	}

	long reveals() {
		return jdbc.sql("select count(*) from platform_audit_log where action = 'REVEAL' and object_id = ?")
			.param(Long.toString(person)).query(Long.class).single();
	}
}
