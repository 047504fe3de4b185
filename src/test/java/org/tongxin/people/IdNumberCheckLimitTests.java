package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.crypto.EncryptedColumnsTestSupport;
import org.tongxin.platform.crypto.FieldCipher;

/**
 * Issue 9, item 2: the person form's "ID number already registered" confirms a whole ID number, so each
 * duplicate check of a form or API write counts against the account's exact-identifier allowance and is audited
 * by its keyed hash, never the number; past the allowance the form answers 429. The registry's duplicate check
 * and {@link PeopleRegistry#identify} look within the caller's scope only, so a person registered elsewhere is
 * answered as nobody; imports, which identify people by ID number in bulk, are not held to the allowance.
 * <p>
 * The same limit as {@code ExactSearchLimitTests} (one shared test context), with accounts that class does not use.
 */
@PlatformTest
@TestPropertySource(properties = "tongxin.people.exact-search-per-minute=5")
class IdNumberCheckLimitTests extends EncryptedColumnsTestSupport {

	@Autowired
	PeopleRegistry registry;

	@Autowired
	UserDetailsService accounts;

	/** The ID number of a registered person under the unit path. */
	String registeredIdNumberUnder(String path) {
		return cipher.decrypt(jdbc.sql("""
				select p.id_number_cipher from people_person p join platform_unit u on u.id = p.unit_id
				where u.path <@ cast(? as ltree) and p.id_number_cipher is not null and p.anonymised_at is null
				  and p.merged_into is null
				order by p.id limit 1""").param(path).query(byte[].class).single());
	}

	MvcTestResult submitForm(MockHttpSession session, String idNumber) {
		return mvc.post().uri("/people").session(session).with(csrf())
			.param("city", "510100").param("unit", "510104").param("name", "查重测试").param("idNumber", idNumber)
			.param("group", "ENTERPRISE").param("ethnicity", "01").param("legalBasis", "DUTY")
			.exchange();
	}

	@Test
	void theSixthDuplicateIdFormSubmissionWithinAMinuteIsRefusedAndEachCheckIsAuditedByItsHash() {
		MockHttpSession sichuan = SignIn.as(mvc, "sichuan");
		String registered = registeredIdNumberUnder("1.510000");
		String hash = hashHex(FieldCipher.Purpose.ID_NUMBER, registered);
		long people = jdbc.sql("select count(*) from people_person").query(Long.class).single();

		for (int i = 0; i < 5; i++) {
			assertThat(submitForm(sichuan, registered)).hasStatusOk().bodyText().contains("该身份证号码已有登记");
		}
		assertThat(submitForm(sichuan, registered)).hasStatus(429)
			.bodyText()
			.contains("每分钟最多 5 次")
			.doesNotContain(registered);
		var api = assertThat(PeopleFixtures.create(mvc, sichuan,
				PeopleFixtures.json(510104, "查重测试", registered, "13912345678", "ENTERPRISE", "某公司")))
			.hasStatus(429);
		api.bodyJson().extractingPath("$.code").isEqualTo("people.exactSearch.tooMany");

		assertThat(jdbc.sql("select count(*) from people_person").query(Long.class).single()).isEqualTo(people);
		assertThat(audited("EXACT_SEARCH", hash)).isEqualTo(5);
		assertThat(audited("EXACT_SEARCH_REFUSED", hash)).isEqualTo(2);
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_log
				where actor = 'sichuan' and (detail like ? or detail like ? or coalesce(reason, '') like ?)""")
			.params("%" + registered + "%", "%" + registered.substring(10) + "%", "%" + registered.substring(10) + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anIdNumberRegisteredOutsideTheScopeIsAnsweredAsNobody() {
		String elsewhere = registeredIdNumberUnder("1.510000.510100");
		String unknown = PeopleFixtures.idNumber("440305", LocalDate.of(1987, 3, 9), (int) (System.nanoTime() % 300) + 600);
		SignIn.onThisThread(accounts, "shenzhen");
		try {
			// More lookups than the allowance: imports identify people by ID number in bulk.
			for (int i = 0; i < 8; i++) {
				assertThat(registry.identify(elsewhere, null)).isEmpty();
				assertThat(registry.identify(unknown, null)).isEmpty();
			}
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		// The form answers the number of a person of 成都 as it answers an unknown one: no "already registered".
		assertThat(PeopleFixtures.create(mvc, shenzhen,
				PeopleFixtures.json(440305, "异地登记", elsewhere, "13912340001", "ENTERPRISE", "深圳某公司")))
			.hasStatus(201)
			.bodyText()
			.doesNotContain("已有登记");
	}

	@Test
	void aMemberImportCreatingMorePeopleThanTheAllowanceIsNotRefused() throws Exception {
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		assertThat(mvc.post().uri("/api/v1/organisations").session(shenzhen).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unit\": 440305, \"name\": \"查重导入测试会\", \"kind\": \"ASSOCIATION\", \"partyOrgForm\": \"NONE\"}"))
			.hasStatus(201);
		long org = jdbc.sql("select id from org_organisation where name = '查重导入测试会'").query(Long.class).single();
		StringBuilder csv = new StringBuilder("姓名,身份证号,手机号,职务,群体\n");
		int base = (int) (System.nanoTime() % 200) + 100;
		for (int i = 0; i < 8; i++) {
			csv.append("导入者").append(base + i).append(',')
				.append(PeopleFixtures.idNumber("440305", LocalDate.of(1991, 5, 1 + i), base + i))
				.append(",1371234").append(String.format("%04d", base + i)).append(",会员,新媒体从业人员\n");
		}
		MvcTestResult posted = mvc.post().uri("/organisations/imports").session(shenzhen).with(csrf())
			.multipart()
			.file(new MockMultipartFile("file", "成员.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
			.param("organisation", Long.toString(org))
			.param("createUnknown", "true")
			.exchange();
		assertThat(posted).hasStatus3xxRedirection();
		String location = posted.getResponse().getRedirectedUrl();
		UUID job = UUID.fromString(location.substring(location.indexOf("job=") + 4));

		assertThat(await(job)).isEqualTo("SUCCEEDED");
		assertThat(mvc.get().uri(location).session(shenzhen)).hasStatusOk().bodyText().contains("其中新建人士 8 人");
	}

	String await(UUID job) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			String status = jdbc.sql("select status from platform_job where public_id = ?").param(job)
				.query(String.class)
				.single();
			if (!status.equals("QUEUED") && !status.equals("RUNNING")) {
				return status;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("job " + job + " did not finish");
	}

	long audited(String action, String hash) {
		return jdbc.sql("""
				select count(*) from platform_audit_log
				where actor = 'sichuan' and action = ? and object_type = 'person' and detail like ? and detail like ?""")
			.params(action, "%" + hash + "%", "%" + PeopleRegistry.ID_NUMBER_CHECK + "%")
			.query(Long.class)
			.single();
	}
}
