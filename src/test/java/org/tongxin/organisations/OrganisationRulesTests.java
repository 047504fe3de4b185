package org.tongxin.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/** The rules of organisations: the tree has no cycles and stays in scope, forms explain what is wrong, 换届. */
@PlatformTest
class OrganisationRulesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	static String json(long unit, String name, Long parent) {
		return """
				{"unit": %d, "name": "%s", "kind": "ASSOCIATION", "parent": %s, "partyOrgForm": "NONE",
				 "targetGroups": ["ENTERPRISE"]}""".formatted(unit, name, parent == null ? "null" : parent.toString());
	}

	MvcTestResult create(MockHttpSession session, String json) {
		return mvc.post()
			.uri("/api/v1/organisations")
			.session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	MvcTestResult update(MockHttpSession session, long id, String json) {
		return mvc.put()
			.uri("/api/v1/organisations/{id}", id)
			.session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(json)
			.exchange();
	}

	long idOf(String name) {
		return jdbc.sql("select id from org_organisation where name = ?").param(name).query(Long.class).single();
	}

	long personIn(String regionCode, int offset) {
		return jdbc.sql("""
				select id from people_person where region_code = ? and anonymised_at is null
				and id not in (select person_id from org_membership) order by id desc limit 1 offset ?""")
			.params(regionCode, offset)
			.query(Long.class)
			.single();
	}

	@Test
	void aParentThatWouldMakeACycleOrLiesOutsideTheScopeIsRefused() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String suffix = Long.toString(System.nanoTime() % 100000);
		assertThat(create(chengdu, json(510104, "环A" + suffix, null))).hasStatus(201);
		long a = idOf("环A" + suffix);
		assertThat(create(chengdu, json(510104, "环B" + suffix, a))).hasStatus(201);
		long b = idOf("环B" + suffix);
		assertThat(create(chengdu, json(510104, "环C" + suffix, b))).hasStatus(201);
		long c = idOf("环C" + suffix);

		MvcTestResult cycle = update(chengdu, a, json(510104, "环A" + suffix, c));
		assertThat(cycle).hasStatus(400);
		assertThat(cycle).bodyJson().extractingPath("$.code").isEqualTo("org.parent.cycle");
		assertThat(cycle).bodyJson().extractingPath("$.detail").isEqualTo("不能把本组织或其下级组织设为上级组织。");
		assertThat(update(chengdu, a, json(510104, "环A" + suffix, a))).hasStatus(400);
		assertThat(jdbc.sql("select parent_id from org_organisation where id = ?").param(a).query(Long.class).optional())
			.isEmpty();
		// Moving a leaf under another branch is fine.
		assertThat(update(chengdu, c, json(510104, "环C" + suffix, a))).hasStatusOk();

		long shenzhen = idOf("深圳市新的社会阶层人士联谊会");
		MvcTestResult foreign = create(chengdu, json(510104, "环D" + suffix, shenzhen));
		assertThat(foreign).hasStatus(400);
		assertThat(foreign).bodyJson().extractingPath("$.code").isEqualTo("org.parent.outOfScope");
		assertThat(create(chengdu, json(440300, "环E" + suffix, null))).hasStatus(403);
		assertThat(jdbc.sql("select count(*) from org_organisation where name in (?, ?)")
			.params("环D" + suffix, "环E" + suffix)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theFormExplainsWhatIsWrongInChinese() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.post()
			.uri("/organisations")
			.session(chengdu)
			.with(csrf())
			.param("unit", "510104")
			.param("name", " ")
			.param("kind", "ASSOCIATION")
			.param("contactPhone", "12345")
			.param("partyMembers", "-1")
			.param("partyOrgForm", "NONE")
			.param("foundedOn", LocalDate.now().plusDays(3).toString())).hasStatusOk()
			.bodyText()
			.contains("请填写组织名称。")
			.contains("联系电话应为 11 位手机号")
			.contains("党员数应为 0 到 100000 之间的整数。")
			.contains("成立日期不能晚于今天。");
		assertThat(mvc.post()
			.uri("/organisations")
			.session(chengdu)
			.with(csrf())
			.param("unit", "510100")
			.param("name", "成都同心家园")
			.param("kind", "HOME")
			.param("partyOrgForm", "NONE")).hasStatusOk().bodyText().contains("同一单位下已有同名组织。");
		assertThat(create(chengdu, "{\"unit\": 510104, \"kind\": \"ASSOCIATION\", \"partyOrgForm\": \"NONE\"}"))
			.hasStatus(400);
		MvcTestResult kind = create(chengdu, "{\"unit\": 510104, \"name\": \"类型不存在的组织\", \"kind\": \"NOPE\", \"partyOrgForm\": \"NONE\"}");
		assertThat(kind).hasStatus(400);
		assertThat(kind).bodyJson().extractingPath("$.detail").isEqualTo("组织类型不存在或已停用。");
	}

	@Test
	void aNewTermClosesTheOldPositionsAndOpensTheNewOnes() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String name = "换届测试会" + System.nanoTime() % 100000;
		assertThat(create(chengdu, json(510104, name, null))).hasStatus(201);
		long org = idOf(name);
		long president = personIn("510100", 10);
		long secretary = personIn("510100", 11);
		long member = personIn("510100", 12);
		for (Object[] m : List.of(new Object[] { president, "PRESIDENT" }, new Object[] { secretary, "SECRETARY_GENERAL" },
				new Object[] { member, "MEMBER" })) {
			assertThat(mvc.post()
				.uri("/api/v1/organisations/{id}/members", org)
				.session(chengdu)
				.with(csrf())
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"person\": %d, \"role\": \"%s\", \"termStart\": \"2020-01-01\"}".formatted(m[0], m[1])))
				.hasStatus(201);
		}
		// A date before the old term began is refused and changes nothing.
		assertThat(mvc.post()
			.uri("/organisations/{id}/term", org)
			.session(chengdu)
			.with(csrf())
			.param("on", "2019-06-01")
			.param("person", Long.toString(secretary))
			.param("role", "PRESIDENT")).hasStatusOk().bodyText().contains("新一届起始日期不能早于旧一届职务的开始日期。");

		assertThat(mvc.post()
			.uri("/organisations/{id}/term", org)
			.session(chengdu)
			.with(csrf())
			.param("on", "2024-01-01")
			.param("person", Long.toString(secretary), Long.toString(member), "")
			.param("role", "PRESIDENT", "SECRETARY_GENERAL", "")).hasStatus3xxRedirection();

		List<Map<String, Object>> rows = jdbc.sql("""
				select person_id, role, term_no, term_start::text as term_start, term_end::text as term_end
				from org_membership where organisation_id = ? order by id""").param(org).query().listOfRows();
		assertThat(rows).extracting(r -> r.get("person_id") + " " + r.get("role") + " " + r.get("term_no") + " "
				+ r.get("term_start") + " " + r.get("term_end"))
			.containsExactly(president + " PRESIDENT 1 2020-01-01 2023-12-31",
					secretary + " SECRETARY_GENERAL 1 2020-01-01 2023-12-31", member + " MEMBER 1 2020-01-01 null",
					secretary + " PRESIDENT 2 2024-01-01 null", member + " SECRETARY_GENERAL 2 2024-01-01 null");
		assertThat(jdbc.sql("select current_term from org_organisation where id = ?").param(org).query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(mvc.get().uri("/organisations/{id}?open=true", org).session(chengdu)).bodyText()
			.contains("第 2 届")
			.doesNotContain("2023-12-31");
	}

	@Test
	void onlyTheCentralOfficeAddsKinds() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.post()
			.uri("/organisations/kinds")
			.session(chengdu)
			.with(csrf())
			.param("code", "CITY_FORUM")
			.param("labelZh", "论坛")
			.param("labelEn", "Forum")).hasStatus(403);
		MockHttpSession central = SignIn.as(mvc, "central");
		assertThat(mvc.post()
			.uri("/organisations/kinds")
			.session(central)
			.with(csrf())
			.param("code", "think_tank")
			.param("labelZh", "智库")
			.param("labelEn", "Think tank")).hasStatus3xxRedirection();
		assertThat(jdbc.sql("select label_zh from org_kind where code = 'THINK_TANK'").query(String.class).single())
			.isEqualTo("智库");
		assertThat(mvc.post()
			.uri("/organisations/kinds")
			.session(central)
			.with(csrf())
			.param("code", "ASSOCIATION")
			.param("labelZh", "重复")
			.param("labelEn", "Duplicate")).hasStatusOk().bodyText().contains("该代码已存在。");
	}

	@Autowired
	org.tongxin.organisations.internal.OrganisationDirectory directory;

	@Autowired
	org.tongxin.organisations.internal.OrganisationRecords records;

	@Autowired
	org.tongxin.platform.Units units;

	org.tongxin.platform.DataScope scopeOf(long unit) {
		org.tongxin.platform.Unit u = units.get(new org.tongxin.platform.UnitId(unit));
		return new org.tongxin.platform.DataScope(u.id(), u.path());
	}

	void addMember(MockHttpSession session, long org, long person, String role) {
		assertThat(mvc.post()
			.uri("/api/v1/organisations/{id}/members", org)
			.session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"person\": %d, \"role\": \"%s\", \"termStart\": \"2020-01-01\"}".formatted(person, role)))
			.hasStatus(201);
	}

	long activeMembers(MockHttpSession session, long org) throws Exception {
		MvcTestResult result = mvc.get().uri("/api/v1/organisations/{id}", org).session(session).exchange();
		assertThat(result).hasStatusOk();
		return ((Number) com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8),
				"$.activeMembers")).longValue();
	}

	@Test
	void anOfficeHolderWhoseTermEndedAtANewTermIsNoLongerAnActiveMember() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String name = "届满测试会" + System.nanoTime() % 100000;
		assertThat(create(chengdu, json(510104, name, null))).hasStatus(201);
		long org = idOf(name);
		long president = personIn("510100", 20);
		long member = personIn("510100", 21);
		addMember(chengdu, org, president, "PRESIDENT");
		addMember(chengdu, org, member, "MEMBER");
		assertThat(directory.isActiveMember(new OrganisationId(org), president)).isTrue();
		assertThat(activeMembers(chengdu, org)).isEqualTo(2);

		assertThat(mvc.post()
			.uri("/organisations/{id}/term", org)
			.session(chengdu)
			.with(csrf())
			.param("on", "2024-01-01")
			.param("term", "1")
			.param("person", Long.toString(member))
			.param("role", "PRESIDENT")).hasStatus3xxRedirection();

		// The old president's position ended on 2023-12-31 but its status is still ACTIVE: not a member any more.
		assertThat(directory.isActiveMember(new OrganisationId(org), president)).isFalse();
		assertThat(directory.isActiveMember(new OrganisationId(org), member)).isTrue();
		assertThat(activeMembers(chengdu, org)).isEqualTo(1);
		assertThat(records.find(scopeOf(510100), new OrganisationId(org)).orElseThrow().activeMembers()).isEqualTo(1);
	}

	@Test
	void aSecondSubmissionOfTheSameNewTermIsRefused() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String name = "重复换届会" + System.nanoTime() % 100000;
		assertThat(create(chengdu, json(510104, name, null))).hasStatus(201);
		long org = idOf(name);
		long president = personIn("510100", 30);
		long next = personIn("510100", 31);
		addMember(chengdu, org, president, "PRESIDENT");
		addMember(chengdu, org, next, "MEMBER");
		for (int i = 0; i < 2; i++) {
			MvcTestResult result = mvc.post()
				.uri("/organisations/{id}/term", org)
				.session(chengdu)
				.with(csrf())
				.param("on", "2024-01-01")
				.param("term", "1")
				.param("person", Long.toString(next))
				.param("role", "PRESIDENT")
				.exchange();
			if (i == 0) {
				assertThat(result).hasStatus3xxRedirection();
			}
			else {
				assertThat(result).hasStatusOk().bodyText().contains("本组织已完成换届（届次已变化）");
			}
		}
		assertThat(jdbc.sql("select current_term from org_organisation where id = ?").param(org).query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from org_membership where organisation_id = ? and role = 'PRESIDENT' and term_no = 2")
			.param(org)
			.query(Long.class)
			.single()).isOne();
		// The form carries the current term, so what it shows is what it submits.
		assertThat(mvc.get().uri("/organisations/{id}/term", org).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("第 3 届换届");
		assertThat(mvc.get().uri("/organisations/{id}/term", org).session(chengdu).exchange().getResponse()
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("name=\"term\" value=\"2\"");
	}

	@Test
	void malformedNewTermInputAnswersWithTheFormsMessage() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String name = "换届输入会" + System.nanoTime() % 100000;
		assertThat(create(chengdu, json(510104, name, null))).hasStatus(201);
		long org = idOf(name);
		long person = personIn("510100", 40);
		addMember(chengdu, org, person, "MEMBER");
		assertThat(mvc.post()
			.uri("/organisations/{id}/term", org)
			.session(chengdu)
			.with(csrf())
			.param("on", "2024-01-01")
			.param("person", "abc")
			.param("role", "PRESIDENT")).hasStatusOk().bodyText().contains("新一届职务中有无法识别的人士或职务");
		assertThat(mvc.post()
			.uri("/organisations/{id}/term", org)
			.session(chengdu)
			.with(csrf())
			.param("on", "2024-01-01")
			.param("person", Long.toString(person))
			.param("role", "EMPEROR")).hasStatusOk().bodyText().contains("新一届职务中有无法识别的人士或职务");
		assertThat(mvc.post()
			.uri("/organisations/{id}/term", org)
			.session(chengdu)
			.with(csrf())
			.param("on", "2024-13-45")
			.param("person", Long.toString(person))
			.param("role", "PRESIDENT")).hasStatusOk().bodyText().contains("新一届起始日期格式不正确");
		assertThat(mvc.post()
			.uri("/organisations/{id}/term", org)
			.session(chengdu)
			.with(csrf())
			.param("on", "2024-01-01")
			.param("term", "第一届")
			.param("person", Long.toString(person))
			.param("role", "PRESIDENT")).hasStatusOk().bodyText().contains("本组织已完成换届");
		assertThat(jdbc.sql("select current_term from org_organisation where id = ?").param(org).query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aWildcardInTheNameSearchMatchesOnlyItself() {
		var scope = scopeOf(510100);
		long all = records.countUpTo(scope, OrganisationFilter.none(), null, Long.MAX_VALUE);
		assertThat(all).isPositive();
		for (String wildcard : List.of("%", "_", "\\")) {
			assertThat(records.countUpTo(scope, new OrganisationFilter(null, null, wildcard, null, null, false), null, Long.MAX_VALUE))
				.as("search for %s", wildcard)
				.isZero();
		}
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String name = "百分之百_会" + System.nanoTime() % 100000;
		assertThat(create(chengdu, json(510104, name, null))).hasStatus(201);
		assertThat(records.countUpTo(scope, new OrganisationFilter(null, null, "_", null, null, false), null, Long.MAX_VALUE)).isOne();
		assertThat(mvc.get().uri("/api/v1/organisations?q=%25").session(chengdu)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.items")
			.asArray()
			.isEmpty();
	}

	@Test
	void aRootOrganisationsSummaryHasNoParent() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String suffix = Long.toString(System.nanoTime() % 100000);
		assertThat(create(chengdu, json(510104, "根组织" + suffix, null))).hasStatus(201);
		long root = idOf("根组织" + suffix);
		assertThat(create(chengdu, json(510104, "子组织" + suffix, root))).hasStatus(201);
		long child = idOf("子组织" + suffix);
		var scope = scopeOf(510100);
		assertThat(directory.find(scope, new OrganisationId(root)).orElseThrow().parent()).isNull();
		assertThat(directory.find(scope, new OrganisationId(child)).orElseThrow().parent())
			.isEqualTo(new OrganisationId(root));
	}
}
