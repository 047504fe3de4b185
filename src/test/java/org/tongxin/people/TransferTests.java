package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/** A person moves from 成都 to 深圳: asked by the sender, seen masked by the receiver until it accepts. */
@PlatformTest
class TransferTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	long chengduPerson(int offset) {
		return jdbc.sql("""
				select id from people_person where region_code = '510100' and anonymised_at is null and merged_into is null
				  and char_length(name) >= 2 and id not in (select person_id from people_transfer)
				order by id offset ? limit 1""").param(offset).query(Long.class).single();
	}

	String name(long id) {
		return jdbc.sql("select name from people_person where id = ?").param(id).query(String.class).single();
	}

	long transferOf(long person) {
		return jdbc.sql("select max(id) from people_transfer where person_id = ?").param(person).query(Long.class).single();
	}

	void request(MockHttpSession session, long person, long target, String reason) {
		assertThat(mvc.post().uri("/people/{id}/transfers", person).session(session).with(csrf())
			.param("target", Long.toString(target)).param("reason", reason)).hasStatus3xxRedirection();
	}

	@Test
	void theReceiverSeesOnlyAMaskedNameUntilItAcceptsThenTheSenderSeesNothing() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		long person = chengduPerson(0);
		String name = name(person);

		request(chengdu, person, 440305, "工作调动至深圳");
		long transfer = transferOf(person);

		assertThat(mvc.get().uri("/people/{id}", person).session(shenzhen)).hasStatus(404);
		assertThat(mvc.get().uri("/people/transfers").session(shenzhen)).hasStatusOk().bodyText()
			.contains(name.substring(0, 1) + "*")
			.doesNotContain(name)
			.contains("工作调动至深圳");
		assertThat(mvc.post().uri("/people/transfers/{id}/accept", transfer).session(SignIn.as(mvc, "yuzhong")).with(csrf()))
			.hasStatus(403);

		assertThat(mvc.post().uri("/people/transfers/{id}/accept", transfer).session(shenzhen).with(csrf()))
			.hasStatus3xxRedirection();

		assertThat(mvc.get().uri("/people/{id}", person).session(shenzhen)).hasStatusOk().bodyText().contains(name);
		assertThat(mvc.get().uri("/people/{id}", person).session(chengdu)).hasStatus(404);
		assertThat(jdbc.sql("select region_code from people_person where id = ?").param(person).query(String.class).single())
			.isEqualTo("440300");
		assertThat(jdbc.sql("select new_value from people_history where person_id = ? and field = 'UNIT' order by id desc limit 1")
			.param(person).query(String.class).single()).isEqualTo("深圳市 / 南山区");
		assertThat(jdbc.sql("select count(*) from platform_audit_log where object_type = 'person-transfer' and object_id = ?")
			.param(Long.toString(transfer)).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aDeclinedOrWithdrawnTransferLeavesThePersonWhereItWas() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		long declined = chengduPerson(1);
		request(chengdu, declined, 440300, "迁居");
		assertThat(mvc.post().uri("/people/transfers/{id}/decline", transferOf(declined)).session(shenzhen).with(csrf())
			.param("comment", "查无此人")).hasStatus3xxRedirection();
		assertThat(mvc.get().uri("/people/{id}", declined).session(chengdu)).hasStatusOk();
		assertThat(mvc.get().uri("/people/{id}", declined).session(shenzhen)).hasStatus(404);

		long withdrawn = chengduPerson(2);
		request(chengdu, withdrawn, 440300, "迁居");
		assertThat(mvc.post().uri("/people/transfers/{id}/cancel", transferOf(withdrawn)).session(chengdu).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(mvc.post().uri("/people/transfers/{id}/accept", transferOf(withdrawn)).session(shenzhen).with(csrf()))
			.hasStatus3xxRedirection();
		assertThat(jdbc.sql("select status from people_transfer where id = ?").param(transferOf(withdrawn))
			.query(String.class).single()).isEqualTo("CANCELLED");
		assertThat(mvc.get().uri("/people/{id}", withdrawn).session(shenzhen)).hasStatus(404);
	}

	@Test
	void aMoveInsideTheOwnScopeIsAnEditAndOthersCannotSendOurPeople() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long person = chengduPerson(3);
		var result = mvc.post().uri("/people/{id}/transfers", person).session(chengdu).with(csrf())
			.param("target", "510104").param("reason", "区内调整").exchange();
		assertThat(result.getMvcResult().getFlashMap().get("error")).isEqualTo("接收单位在本单位管辖范围内，请直接编辑人员的所属单位。");
		assertThat(jdbc.sql("select count(*) from people_transfer where person_id = ?").param(person).query(Long.class)
			.single()).isZero();

		assertThat(mvc.post().uri("/people/{id}/transfers", person).session(SignIn.as(mvc, "shenzhen")).with(csrf())
			.param("target", "440305").param("reason", "越权")).hasStatus(404);
	}
}
