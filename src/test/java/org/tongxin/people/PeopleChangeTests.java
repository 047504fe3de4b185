package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/** Create, edit with movement history, consent ledger, anonymise — every change audited, masked. */
@PlatformTest
class PeopleChangeTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void movesBetweenUnitsGroupsAndEmployersAreKeptAsHistory() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String id = PeopleFixtures.idNumber("510104", LocalDate.of(1988, 11, 30), 402);
		long person = PeopleFixtures.created(mvc, jdbc, chengdu, 510104, "流动测试", id, "13711112222", "ENTERPRISE", "成都星辰科技有限公司");
		// The entry names the fields, not the values (issue 9): neither the full nor the masked ID number.
		assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'CREATE' and object_type = 'person' and object_id = ?"
				+ " and actor = 'chengdu' and detail like '%\"idNumberMasked\":\"changed\"%' and detail not like '%510104*%'")
			.params(Long.toString(person)).query(Long.class).single()).isEqualTo(1);

		assertThat(PeopleFixtures.update(mvc, chengdu, person, 0, """
					{"unit": 510107, "name": "流动测试", "group": "NEW_MEDIA", "subgroup": "INFLUENCER",
					 "employer": "成都同心文化传媒有限公司", "position": "主编", "legalBasis": "CONSENT", "ethnicity": "01"}"""))
			.hasStatusOk()
			.bodyJson()
			.extractingPath("$.idNumber")
			.isEqualTo("*".repeat(18));
		List<String> moves = jdbc.sql("select field || ':' || coalesce(old_value, '') || '>' || coalesce(new_value, '') from people_history where person_id = ? order by field")
			.param(person).query(String.class).list();
		assertThat(moves).containsExactly("EMPLOYER:成都星辰科技有限公司>成都同心文化传媒有限公司", "GROUP:ENTERPRISE>NEW_MEDIA",
				"POSITION:>主编", "UNIT:成都市 / 锦江区>成都市 / 武侯区");
		assertThat(mvc.get().uri("/people/{id}?tab=history", person).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("成都市 / 锦江区 → 成都市 / 武侯区")
			.contains("民营企业和外商投资企业管理技术人员 → 新媒体从业人员");

		// The stale version is refused: nobody overwrites a change they have not seen.
		assertThat(PeopleFixtures.update(mvc, chengdu, person, 0, """
					{"unit": 510104, "name": "流动测试", "group": "ENTERPRISE", "legalBasis": "CONSENT"}""")).hasStatus(409);
		assertThat(jdbc.sql("select sex from people_person where id = ?").param(person).query(String.class).single())
			.isEqualTo("F");
	}

	@Test
	void theConsentLedgerRecordsAndTheStateFollows() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long person = PeopleFixtures.created(mvc, jdbc, chengdu, 510105, "同意测试", PeopleFixtures.idNumber("510105",
				LocalDate.of(1992, 5, 6), 77), "13622223333", "FREELANCE", "无");
		assertThat(PeopleFixtures.recordConsent(mvc, chengdu, person, "GIVEN", "BASIC", "现场纸质签署"))
			.hasStatus3xxRedirection();
		assertThat(PeopleFixtures.recordConsent(mvc, chengdu, person, "WITHDRAWN", "BASIC", ""))
			.hasStatusOk().bodyText().contains("请填写方式");
		assertThat(jdbc.sql("select consent_state from people_person where id = ?").param(person).query(String.class).single())
			.isEqualTo("GIVEN");
		assertThat(mvc.get().uri("/people/{id}?tab=consent", person).session(chengdu)).bodyText().contains("现场纸质签署");
	}

	@Test
	void anonymisingErasesIdentityAndKeepsStatistics() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String id = PeopleFixtures.idNumber("510108", LocalDate.of(1975, 8, 17), 33);
		long person = PeopleFixtures.created(mvc, jdbc, chengdu, 510108, "匿名测试", id, "13833334444", "INTERMEDIARY",
				"成都某会计师事务所");
		assertThat(mvc.post().uri("/people/{id}/anonymise", person).session(chengdu).with(csrf())).hasStatus3xxRedirection();
		var row = jdbc.sql("""
				select name is null and id_number_cipher is null and id_number_hash is null and phone_cipher is null
				   and phone_hash is null and phone_suffix_hash is null and religion_cipher is null and employer is null
				   and tags = '{}' and anonymised_at is not null and group_code = 'INTERMEDIARY' and unit_id = 510108
				   and birth_date = date '1975-01-01' and sex = 'M'
				from people_person where id = ?""").param(person).query(Boolean.class).single();
		assertThat(row).isTrue();
		assertThat(mvc.get().uri("/people?q={q}", id).session(chengdu)).bodyText().contains("共 0 条");
		assertThat(mvc.get().uri("/people/{id}", person).session(chengdu)).hasStatusOk().bodyText().contains("已匿名化");
		assertThat(mvc.get().uri("/people/{id}/edit", person).session(chengdu)).hasStatus(404);
		assertThat(jdbc.sql("select count(*) from platform_audit_log where action = 'DELETE' and object_id = ? and detail like '%\"name\":\"changed\"%' and detail not like '%匿名测试%'")
			.params(Long.toString(person)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void invalidInputGetsClearChineseMessages() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.post().uri("/people").session(chengdu).with(csrf())
			.param("city", "510100").param("unit", "510104").param("name", "").param("idNumber", "510104198801011235")
			.param("phone", "12345").param("email", "不是邮箱").param("group", "").param("legalBasis", ""))
			.hasStatusOk()
			.bodyText()
			.contains("请填写姓名。")
			.contains("手机号码应为以 1 开头的 11 位数字。")
			.contains("电子邮箱格式不正确。")
			.contains("请选择群体。")
			.contains("请选择处理依据。");
		assertThat(mvc.post().uri("/people").session(chengdu).with(csrf())
			.param("city", "510100").param("unit", "510104").param("name", "校验测试").param("idNumber", "510104198801011235")
			.param("group", "ENTERPRISE").param("subgroup", "LAWYER").param("ethnicity", "99").param("affiliation", "DEMOCRATIC")
			.param("legalBasis", "DUTY"))
			.hasStatusOk()
			.bodyText()
			.contains("身份证号码不正确")
			.contains("所选项目不在代码字典中。")
			.contains("细分群体与所选群体不符。")
			.contains("民主党派成员请选择所属党派。");
		assertThat(mvc.post().uri("/people").session(chengdu).with(csrf())
			.param("city", "510100").param("unit", "510100").param("name", "校验测试").param("group", "ENTERPRISE")
			.param("legalBasis", "DUTY"))
			.hasStatusOk()
			.bodyText()
			.contains("请选择性别，或填写身份证号码。");
		assertThat(mvc.post().uri("/people").session(chengdu).with(csrf())
			.param("city", "510100").param("unit", "510000").param("name", "校验测试").param("sex", "F")
			.param("group", "ENTERPRISE").param("legalBasis", "DUTY")).hasStatus(403);
		assertThat(jdbc.sql("select count(*) from people_person where name = '校验测试'").query(Long.class).single()).isZero();

		assertThat(PeopleFixtures.create(mvc, chengdu, """
				{"unit": 510104, "name": "接口校验", "idNumber": "510104198801011235", "group": "ENTERPRISE", "legalBasis": "DUTY"}"""))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.errors[?(@.field == 'idNumber')].detail")
			.asArray()
			.singleElement()
			.asString()
			.contains("身份证号码不正确");

		String duplicate = PeopleFixtures.idNumber("510104", LocalDate.of(1970, 1, 1), 5);
		assertThat(PeopleFixtures.create(mvc, chengdu, PeopleFixtures.json(510104, "重复一", duplicate, "13900000001",
				"ENTERPRISE", "甲公司"))).hasStatus(201);
		assertThat(PeopleFixtures.create(mvc, chengdu, PeopleFixtures.json(510105, "重复二", duplicate, "13900000002",
				"ENTERPRISE", "乙公司"))).hasStatus(400).bodyJson().extractingPath("$.errors[?(@.field == 'idNumber')].detail").asArray().containsExactly("该身份证号码已有登记。");
	}

	@Test
	void aPersonCreatedThroughTheFormLandsOnItsPage() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		var result = mvc.post().uri("/people").session(chengdu).with(csrf())
			.param("city", "510100").param("unit", "510104").param("name", "表单测试")
			.param("idNumber", PeopleFixtures.idNumber("510104", LocalDate.of(1986, 4, 1), 12).toLowerCase())
			.param("phone", "13512345678").param("group", "NEW_MEDIA").param("subgroup", "STREAMER")
			.param("affiliation", "DEMOCRATIC").param("party", "JIUSAN").param("tags", "青年，主播 网络人士")
			.param("legalBasis", "CONSENT").exchange();
		assertThat(result).hasStatus3xxRedirection();
		long person = PeopleFixtures.idOf(jdbc, "表单测试");
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/people/" + person);
		assertThat(jdbc.sql("select array_to_string(tags, ',') from people_person where id = ?").param(person)
			.query(String.class).single()).isEqualTo("青年,主播,网络人士");
		assertThat(mvc.get().uri("/people/{id}", person).session(chengdu)).bodyText().contains("九三学社").contains("135****5678");
	}

	@Test
	void platformAccountsAreAddedAndRemovedWithinScopeAndAudited() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long person = PeopleFixtures.created(mvc, jdbc, chengdu, 510106, "账号测试", PeopleFixtures.idNumber("510106",
				LocalDate.of(1990, 3, 4), 55), "13633334444", "NEW_MEDIA", "成都同心文化传媒有限公司");

		assertThat(mvc.post().uri("/people/{id}/accounts", person).session(chengdu).with(csrf())
			.param("platform", "DOUYIN").param("handle", "蓉城同心说").param("followers", "120000").param("verified", "true"))
			.hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/people/{id}", person).session(chengdu)).bodyText().contains("蓉城同心说").contains("120,000");
		long account = jdbc.sql("select id from people_platform_account where person_id = ?").param(person).query(Long.class).single();

		// Unknown platform, blank handle, negative followers: the form comes back with its messages.
		assertThat(mvc.post().uri("/people/{id}/accounts", person).session(chengdu).with(csrf())
			.param("platform", "MYSPACE").param("handle", "x"))
			.hasStatusOk().bodyText().contains("平台不在代码表中或已停用");
		assertThat(mvc.post().uri("/people/{id}/accounts", person).session(chengdu).with(csrf())
			.param("platform", "WEIBO").param("handle", " ").param("followers", "-1"))
			.hasStatusOk().bodyText().contains("请填写账号名称").contains("粉丝数不能为负数");

		// Another city neither adds to nor removes from this person.
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		assertThat(mvc.post().uri("/people/{id}/accounts", person).session(shenzhen).with(csrf())
			.param("platform", "WEIBO").param("handle", "越权")).hasStatus(404);
		assertThat(mvc.post().uri("/people/{id}/accounts/{a}/delete", person, account).session(shenzhen).with(csrf()))
			.hasStatus(404);
		assertThat(jdbc.sql("select count(*) from people_platform_account where person_id = ?").param(person)
			.query(Long.class).single()).isEqualTo(1);

		assertThat(mvc.post().uri("/people/{id}/accounts/{a}/delete", person, account).session(chengdu).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(jdbc.sql("select count(*) from people_platform_account where person_id = ?").param(person)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("""
				select string_agg(action, ',' order by id) from platform_audit_log
				where object_type = 'person-platform-account' and object_id = ? and actor = 'chengdu'""")
			.param(Long.toString(person)).query(String.class).single()).isEqualTo("CREATE,DELETE");
	}
}
