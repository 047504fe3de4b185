package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.crypto.EncryptedColumnsTestSupport;
import org.tongxin.platform.crypto.FieldCipher;

/**
 * Issue 9, item 2: searches for a whole mobile or ID number are audited with the keyed hash (never the
 * number) and limited per account; past the limit the API answers 429 with a Problem Detail and the list a
 * page that says why, and the refusal is audited. The phone-tail search stays unlimited.
 */
@PlatformTest
@TestPropertySource(properties = "tongxin.people.exact-search-per-minute=5")
class ExactSearchLimitTests extends EncryptedColumnsTestSupport {

	static final String PHONE = "13966668888";

	static final String ID = PeopleFixtures.idNumber("510104", LocalDate.of(1979, 2, 14), 275);

	@Test
	void theSixthExactSearchWithinAMinuteIsRefusedAndEverySearchIsAuditedByItsHash() {
		MockHttpSession staff = SignIn.as(mvc, "yuzhong");
		String phoneHash = hashHex(FieldCipher.Purpose.PHONE, PHONE);
		String idHash = hashHex(FieldCipher.Purpose.ID_NUMBER, ID);
		for (int i = 0; i < 4; i++) {
			assertThat(mvc.get().uri("/api/v1/people?q={q}", PHONE).session(staff)).hasStatusOk();
		}
		assertThat(mvc.get().uri("/people?q={q}", ID).session(staff)).hasStatusOk();
		var refused = assertThat(mvc.get().uri("/api/v1/people?q={q}", PHONE).session(staff)).hasStatus(429);
		refused.bodyJson().extractingPath("$.detail").asString().contains("每分钟最多 5 次");
		refused.bodyJson().extractingPath("$.code").isEqualTo("people.exactSearch.tooMany");
		assertThat(mvc.get().uri("/people?q={q}", ID).session(staff)).hasStatus(429)
			.bodyText()
			.contains("按完整手机号码或身份证号码查询每分钟最多 5 次")
			.doesNotContain(ID);
		assertThat(mvc.get().uri("/people/export.csv?q={q}", PHONE).session(staff)).hasStatus(429);

		assertThat(audited("EXACT_SEARCH", phoneHash)).isEqualTo(4);
		assertThat(audited("EXACT_SEARCH", idHash)).isEqualTo(1);
		assertThat(audited("EXACT_SEARCH_REFUSED", phoneHash)).isEqualTo(2);
		assertThat(audited("EXACT_SEARCH_REFUSED", idHash)).isEqualTo(1);
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_log
				where actor = 'yuzhong' and (detail like ? or detail like ? or detail like ?)""")
			.params("%" + PHONE + "%", "%" + ID + "%", "%" + ID.substring(10) + "%").query(Long.class).single()).isZero();

		// Another account has its own allowance; the phone-tail search is not limited at all.
		assertThat(mvc.get().uri("/api/v1/people?q={q}", PHONE).session(SignIn.as(mvc, "chengdu"))).hasStatusOk();
		for (int i = 0; i < 10; i++) {
			assertThat(mvc.get().uri("/api/v1/people?q={q}", PHONE.substring(7)).session(staff)).hasStatusOk();
		}
	}

	long audited(String action, String hash) {
		return jdbc.sql("""
				select count(*) from platform_audit_log
				where actor = 'yuzhong' and action = ? and object_type = 'person' and detail like ?""")
			.params(action, "%" + hash + "%").query(Long.class).single();
	}
}
