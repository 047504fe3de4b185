package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * A person merged away as a duplicate is served as merged: read-only with a link to the survivor on the screen,
 * 410 Gone with the survivor's id in the API, and every change refused until the merge is undone.
 */
@PlatformTest
class MergedAwayPersonTests extends MergeTestSupport {

	long[] mergedPair(MockHttpSession shenzhen) {
		long[] pair = duplicatePair();
		return new long[] { pair[0], pair[1], merge(shenzhen, pair[2]) };
	}

	@Test
	void thePageOfAMergedAwayPersonIsReadOnlyAndLinksToTheSurvivor() {
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		long[] ids = mergedPair(shenzhen);
		long keep = ids[0];
		long other = ids[1];

		MvcTestResult page = mvc.get().uri("/people/{id}", other).session(shenzhen).exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("已作为重复记录合并")
			.contains("href=\"/people/" + keep + "\"")
			.doesNotContain("/people/" + other + "/edit")
			.doesNotContain("/people/" + other + "/transfer")
			.doesNotContain("/people/" + other + "/anonymise")
			.doesNotContain("/people/" + other + "/accounts");
		// The survivor's page keeps its buttons.
		assertThat(mvc.get().uri("/people/{id}", keep).session(shenzhen)).bodyText()
			.contains("/people/" + keep + "/edit")
			.doesNotContain("已作为重复记录合并");
	}

	@Test
	void theApiAnswers410WithTheSurvivorsIdUntilTheMergeIsUndone() {
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		long[] ids = mergedPair(shenzhen);

		MvcTestResult gone = mvc.get().uri("/api/v1/people/{id}", ids[1]).session(shenzhen)
			.header("Accept-Language", "zh-CN").exchange();
		assertThat(gone).hasStatus(410);
		assertThat(gone).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(gone).bodyJson().extractingPath("$.mergedInto").asNumber().isEqualTo((int) ids[0]);
		assertThat(gone).bodyJson().extractingPath("$.code").isEqualTo("person.mergedAway");
		assertThat(gone).bodyJson().extractingPath("$.detail").asString().contains("已作为重复记录合并到 #" + ids[0]);
		MvcTestResult put = mvc.put().uri("/api/v1/people/{id}", ids[1]).session(shenzhen).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"unit": 440305, "name": "改名", "sex": "M", "group": "ENTERPRISE", "legalBasis": "CONSENT"}""")
			.exchange();
		assertThat(put).hasStatus(410);
		assertThat(put).bodyJson().extractingPath("$.mergedInto").asNumber().isEqualTo((int) ids[0]);
		assertThat(mvc.get().uri("/api/v1/people/{id}", ids[0]).session(shenzhen)).hasStatusOk();

		undo(shenzhen, ids[2]);
		assertThat(mvc.get().uri("/api/v1/people/{id}", ids[1]).session(shenzhen)).hasStatusOk();
		assertThat(mvc.get().uri("/people/{id}", ids[1]).session(shenzhen)).bodyText()
			.doesNotContain("已作为重复记录合并")
			.contains("/people/" + ids[1] + "/edit");
	}

	@Test
	void editTransferDeleteConsentAndAccountsRefuseAMergedAwayPerson() {
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		long[] ids = mergedPair(shenzhen);
		long other = ids[1];
		String before = jdbc.sql("select cast(to_jsonb(p) - 'name_grams' as text) from people_person p where id = ?")
			.param(other).query(String.class).single();

		assertThat(mvc.get().uri("/people/{id}/edit", other).session(shenzhen)).hasRedirectedUrl("/people/" + other);
		assertThat(mvc.get().uri("/people/{id}/transfer", other).session(shenzhen)).hasRedirectedUrl("/people/" + other);
		assertThat(mvc.post().uri("/people/{id}", other).session(shenzhen).with(csrf())
			.param("version", "1").param("unit", "440305").param("name", "改名").param("sex", "M")
			.param("group", "ENTERPRISE").param("legalBasis", "CONSENT")).hasRedirectedUrl("/people/" + other);
		assertThat(mvc.post().uri("/people/{id}/anonymise", other).session(shenzhen).with(csrf()))
			.hasRedirectedUrl("/people/" + other);
		assertThat(mvc.post().uri("/people/{id}/transfers", other).session(shenzhen).with(csrf())
			.param("target", "510104").param("reason", "工作调动")).hasRedirectedUrl("/people/" + other);
		assertThat(mvc.post().uri("/people/{id}/consents", other).session(shenzhen).with(csrf())
			.param("event", "WITHDRAWN").param("scope", "BASIC").param("noticeVersion", "2024-01").param("channel", "线上"))
			.hasRedirectedUrl("/people/" + other);
		assertThat(mvc.post().uri("/people/{id}/accounts", other).session(shenzhen).with(csrf())
			.param("platform", "WEIBO").param("handle", "不该有")).hasRedirectedUrl("/people/" + other);

		assertThat(jdbc.sql("select cast(to_jsonb(p) - 'name_grams' as text) from people_person p where id = ?")
			.param(other).query(String.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from people_transfer where person_id = ?").param(other).query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from people_platform_account where person_id = ?").param(other)
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from people_consent where person_id = ?").param(other).query(Long.class)
			.single()).isZero();
		// The refusal is explained on the page it leads to.
		MvcTestResult refused = mvc.post().uri("/people/{id}/anonymise", other).session(shenzhen).with(csrf()).exchange();
		assertThat(mvc.get().uri("/people/{id}", other).session(shenzhen)
			.flashAttrs(refused.getMvcResult().getFlashMap())).bodyText().contains("已合并的记录不能修改、转出或删除");
	}
}
