package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.tongxin.people.internal.PersonFieldEncryption;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.crypto.EncryptedColumnsTestSupport;

/**
 * Issue 9, item 6: email and address are encrypted at rest, masked by default (email to its first character and
 * domain, address to city and district) and revealed only with a reason, audited; rows an older version stored
 * in plaintext are encrypted at startup.
 */
@PlatformTest
class EncryptedContactTests extends EncryptedColumnsTestSupport {

	static final String NAME = "邮箱加密测试";

	static final String EMAIL = "zhang.jiami@example.com";

	static final String ADDRESS = "成都市锦江区红星路二段70号";

	@Autowired
	PersonFieldEncryption encryption;

	long person;

	@BeforeEach
	void registered() {
		String id = PeopleFixtures.idNumber("510104", LocalDate.of(1990, 5, 5), 818);
		person = PeopleFixtures.registeredOnce(mvc, jdbc, "chengdu", NAME, """
				{"unit": 510104, "name": "%s", "idNumber": "%s", "group": "NEW_MEDIA", "legalBasis": "CONSENT",
				 "email": "%s", "address": "%s"}""".formatted(NAME, id, EMAIL, ADDRESS));
	}

	@Test
	void theTableHoldsNeitherEmailNorAddressInClear() {
		String row = jdbc.sql("select row_to_json(p)::text from people_person p where id = ?").param(person)
			.query(String.class).single();
		assertThat(row).contains(NAME).doesNotContain("zhang.jiami").doesNotContain("红星路");
		assertThat(decrypted("people_person", "email_cipher", person)).isEqualTo(EMAIL);
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_log
				where object_type like 'person%' and (detail like '%zhang.jiami%' or detail like '%红星路%')""")
			.query(Long.class).single()).isZero();
	}

	@Test
	void pageAndApiShowTheMasksAndARevealIsAudited() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.get().uri("/people/{id}", person).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("z***@example.com")
			.contains("成都市锦江区****")
			.doesNotContain(EMAIL)
			.doesNotContain("红星路");
		var json = assertThat(mvc.get().uri("/api/v1/people/{id}", person).session(chengdu)).hasStatusOk().bodyJson();
		json.extractingPath("$.email").isEqualTo("z***@example.com");
		json.extractingPath("$.address").isEqualTo("成都市锦江区****");
		assertThat(mvc.get().uri("/people/{id}/edit", person).session(chengdu)).bodyText().doesNotContain(EMAIL)
			.doesNotContain("红星路");

		MockHttpSession central = SignIn.as(mvc, "central");
		assertThat(PeopleFixtures.reveal(mvc, central, person, "EMAIL", "发送活动通知")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.value")
			.isEqualTo(EMAIL);
		assertThat(mvc.post().uri("/people/{id}/reveal", person).session(central).with(csrf())
			.param("field", "ADDRESS").param("reason", "寄送材料")).hasStatusOk().bodyText().contains(ADDRESS);
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_log where action = 'REVEAL' and object_id = ? and actor = 'central'
				  and (detail like '%EMAIL%' or detail like '%ADDRESS%')""").param(Long.toString(person))
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void anEditThatLeavesEmailEmptyKeepsIt() {
		assertThat(PeopleFixtures.update(mvc, SignIn.as(mvc, "chengdu"), person, """
					{"unit": 510104, "name": "%s", "group": "NEW_MEDIA", "legalBasis": "CONSENT", "position": "编辑"}"""
				.formatted(NAME))).hasStatusOk();
		assertThat(decrypted("people_person", "email_cipher", person)).isEqualTo(EMAIL);
	}

	@Test
	void plaintextLeftByAnOlderVersionIsEncryptedAtStartup() {
		long legacy = jdbc.sql("""
				insert into people_person (unit_id, region_code, name, sex, group_code, legal_basis, email, address)
				values (510104, '510100', '旧版明文测试', 'M', 'NEW_MEDIA', 'DUTY', 'old.plain@example.com', '成都市青羊区旧址路1号')
				returning id""").query(Long.class).single();

		assertThat(encryption.encryptRemaining()).isPositive();
		assertThat(encryption.encryptRemaining()).isZero();

		assertThat(jdbc.sql("select count(*) from people_person where email is not null or address is not null")
			.query(Long.class).single()).isZero();
		assertThat(decrypted("people_person", "email_cipher", legacy)).isEqualTo("old.plain@example.com");
		assertThat(decrypted("people_person", "address_cipher", legacy)).isEqualTo("成都市青羊区旧址路1号");
	}
}
