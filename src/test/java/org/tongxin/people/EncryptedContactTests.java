package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.people.internal.PersonFieldEncryption;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.crypto.FieldCipher;

/**
 * Issue 9, item 6: email and address are encrypted at rest, masked by default (email to its first character and
 * domain, address to city and district) and revealed only with a reason, audited; rows an older version stored
 * in plaintext are encrypted at startup.
 */
@PlatformTest
class EncryptedContactTests {

	static final String NAME = "邮箱加密测试";

	static final String EMAIL = "zhang.jiami@example.com";

	static final String ADDRESS = "成都市锦江区红星路二段70号";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	@Autowired
	PersonFieldEncryption encryption;

	long person;

	@BeforeEach
	void registered() {
		if (jdbc.sql("select count(*) from people_person where name = ?").param(NAME).query(Long.class).single() == 0) {
			String id = PeopleFixtures.idNumber("510104", LocalDate.of(1990, 5, 5), 818);
			assertThat(PeopleFixtures.create(mvc, SignIn.as(mvc, "chengdu"), """
					{"unit": 510104, "name": "%s", "idNumber": "%s", "group": "NEW_MEDIA", "legalBasis": "CONSENT",
					 "email": "%s", "address": "%s"}""".formatted(NAME, id, EMAIL, ADDRESS))).hasStatus(201);
		}
		person = PeopleFixtures.idOf(jdbc, NAME);
	}

	@Test
	void theTableHoldsNeitherEmailNorAddressInClear() {
		String row = jdbc.sql("select row_to_json(p)::text from people_person p where id = ?").param(person)
			.query(String.class).single();
		assertThat(row).contains(NAME).doesNotContain("zhang.jiami").doesNotContain("红星路");
		assertThat(jdbc.sql("select email_cipher from people_person where id = ?").param(person).query(byte[].class)
			.single()).satisfies(stored -> assertThat(cipher.decrypt(stored)).isEqualTo(EMAIL));
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
		assertThat(mvc.post()
			.uri("/api/v1/people/{id}/reveal", person)
			.session(central)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"field": "EMAIL", "reason": "发送活动通知"}""")).hasStatusOk()
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
		assertThat(mvc.put()
			.uri("/api/v1/people/{id}", person)
			.session(SignIn.as(mvc, "chengdu"))
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"unit": 510104, "name": "%s", "group": "NEW_MEDIA", "legalBasis": "CONSENT", "position": "编辑"}"""
				.formatted(NAME))).hasStatusOk();
		byte[] stored = jdbc.sql("select email_cipher from people_person where id = ?").param(person).query(byte[].class).single();
		assertThat(cipher.decrypt(stored)).isEqualTo(EMAIL);
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
		byte[] email = jdbc.sql("select email_cipher from people_person where id = ?").param(legacy).query(byte[].class).single();
		byte[] address = jdbc.sql("select address_cipher from people_person where id = ?").param(legacy).query(byte[].class).single();
		assertThat(cipher.decrypt(email)).isEqualTo("old.plain@example.com");
		assertThat(cipher.decrypt(address)).isEqualTo("成都市青羊区旧址路1号");
	}
}
