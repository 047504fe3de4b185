package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpSession;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * Duplicate detection, review, merge and undo. Persons of these tests live in 深圳 (福田区 440304, 南山区
 * 440305) and carry unique names, so the other registry tests' counts are not disturbed.
 */
@PlatformTest
class DuplicateTests extends MergeTestSupport {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	/** A person written as an import would write it: straight into the table, changed "now". */
	long person(long unit, String name, String birth, String employer, String phone) {
		long id = jdbc.sql("""
				insert into people_person (unit_id, region_code, name, sex, birth_date, group_code, employer, legal_basis,
				    phone_hash, notes)
				values (?, ?, ?, 'F', cast(? as date), 'ENTERPRISE', ?, 'CONSENT', decode(md5(?), 'hex'), '测试')
				returning id""")
			.params(unit, unit / 100 * 100 + "", name, birth, employer, phone)
			.query(Long.class)
			.single();
		jdbc.sql("insert into people_consent (person_id, event, scope, notice_version, channel, recorded_by) values (?, 'GIVEN', 'BASIC', '2024-01', '线上', 'test')")
			.param(id)
			.update();
		jdbc.sql("update people_person set consent_state = 'GIVEN' where id = ?").param(id).update();
		return id;
	}

	String uniqueName() {
		String digits = "零一二三四五六七八九";
		String n = Integer.toString(SEQUENCE.incrementAndGet() + 1000);
		StringBuilder name = new StringBuilder("查重");
		n.chars().forEach(c -> name.append(digits.charAt(c - '0')));
		return name.toString();
	}

	Map<String, Object> pair(long a, long b) {
		return jdbc.sql("select id, score, array_to_string(reasons, ',') as reasons, status from people_duplicate where low_id = ? and high_id = ?")
			.params(Math.min(a, b), Math.max(a, b))
			.query()
			.singleRow();
	}

	boolean hasPair(long a, long b) {
		return jdbc.sql("select count(*) from people_duplicate where low_id = ? and high_id = ?")
			.params(Math.min(a, b), Math.max(a, b)).query(Long.class).single() == 1;
	}

	@Test
	void theDemoRegistryCarriesReregisteredPersonsAsOpenPairs() {
		assertThat(jdbc.sql("select count(*) from people_duplicate where status = 'OPEN' and score >= 50").query(Long.class).single())
			.isGreaterThanOrEqualTo(17);
		assertThat(jdbc.sql("select count(*) from people_duplicate where 'ID_NUMBER' = any(reasons)").query(Long.class).single())
			.isPositive();
		assertThat(mvc.get().uri("/people/duplicates").session(SignIn.as(mvc, "central"))).hasStatusOk()
			.bodyText()
			.contains("姓名及出生日期相同");
	}

	@Test
	void rulesAddUpToTheScoreAndAloneNameAndEmployerIsNotEnough() {
		String name = uniqueName();
		long a = person(440304, name, "1985-03-04", "深圳星辰科技有限公司", "13800000001");
		long b = person(440304, name, "1985-03-04", "深圳星辰科技有限公司", "13800000002");
		long c = person(440305, name, "1990-01-01", "深圳星辰科技有限公司", "13800000003");
		long d = person(440305, uniqueName(), "1970-01-01", "别家公司", "13800000001");
		deduplication.detect();
		assertThat(pair(a, b)).containsEntry("score", 80).containsEntry("reasons", "NAME_BIRTH_DATE,NAME_EMPLOYER");
		assertThat(hasPair(a, c)).as("name and employer alone: 30").isFalse();
		assertThat(pair(a, d)).containsEntry("score", 60).containsEntry("reasons", "PHONE");
		assertThat(pair(a, b)).containsEntry("status", "OPEN");
	}

	@Test
	void aRunExaminesOnlyPersonsChangedSinceTheLastRun() {
		String name = uniqueName();
		long a = person(440304, name, "1979-05-06", "甲公司", "13900000011");
		long b = person(440304, name, "1979-05-06", "乙公司", "13900000012");
		// Written long ago: older than the watermark, so the next run does not look at them.
		jdbc.sql("update people_person set updated_at = now() - interval '30 days' where id in (?, ?)").params(a, b).update();
		deduplication.detect();
		assertThat(hasPair(a, b)).isFalse();
		jdbc.sql("update people_person set updated_at = now() where id = ?").param(b).update();
		deduplication.detect();
		assertThat(pair(a, b)).containsEntry("score", 50);
	}

	@Test
	void aNewRegistrationIsExaminedAfterItsCommit() {
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		String name = uniqueName();
		long a = person(440304, name, "1988-08-08", "丙公司", "13700000021");
		jdbc.sql("update people_person set updated_at = now() - interval '30 days' where id = ?").param(a).update();
		deduplication.detect();
		assertThat(PeopleFixtures.create(mvc, shenzhen, """
				{"unit": 440305, "name": "%s", "sex": "F", "birthDate": "1988-08-08", "group": "ENTERPRISE",
				 "employer": "丙公司", "legalBasis": "DUTY"}""".formatted(name))).hasStatus(201);
		long b = jdbc.sql("select max(id) from people_person where name = ?").param(name).query(Long.class).single();
		long deadline = System.currentTimeMillis() + 10_000;
		while (!hasPair(a, b) && System.currentTimeMillis() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(pair(a, b)).containsEntry("score", 80);
	}

	@Test
	void aPairAcrossCitiesIsSeenOnlyByAUnitAboveBoth() {
		String name = uniqueName();
		long chengdu = person(510104, name, "1982-02-02", "丁公司", "13600000031");
		long shenzhen = person(440304, name, "1982-02-02", "戊公司", "13600000032");
		deduplication.detect();
		long pair = (Long) pair(chengdu, shenzhen).get("id");
		for (String city : List.of("chengdu", "shenzhen")) {
			MockHttpSession session = SignIn.as(mvc, city);
			assertThat(mvc.get().uri("/people/duplicates/{id}", pair).session(session)).hasStatus(404);
			assertThat(mvc.post().uri("/people/duplicates/{id}/merge", pair).session(session).with(csrf())).hasStatus(404);
			assertThat(mvc.post().uri("/people/duplicates/{id}/not-duplicate", pair).session(session).with(csrf())).hasStatus(404);
			assertThat(mvc.get().uri("/people/duplicates").session(session)).bodyText().doesNotContain(name);
		}
		assertThat(mvc.get().uri("/people/duplicates/{id}", pair).session(SignIn.as(mvc, "central"))).hasStatusOk()
			.bodyText()
			.contains(name);
		assertThat(pair(chengdu, shenzhen)).containsEntry("status", "OPEN");
	}

	@Test
	void mergeTakesTheChosenFieldsAndMovesLedgerAndHistoryAndUndoRestoresBothExactly() {
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		String name = uniqueName();
		long keep = person(440304, name, "1975-07-07", "己公司", "13500000041");
		long other = person(440305, name, "1975-07-07", "己公司（深圳）", "13500000042");
		jdbc.sql("insert into people_history (person_id, field, old_value, new_value, changed_by) values (?, 'POSITION', '职员', '经理', 'test')")
			.param(other).update();
		jdbc.sql("insert into people_platform_account (person_id, platform, handle) values (?, 'WEIBO', '查重号')").param(other).update();
		deduplication.detect();
		long pair = (Long) pair(keep, other).get("id");
		String keepBefore = row(keep);
		String otherBefore = row(other);

		assertThat(mvc.get().uri("/people/duplicates/{id}", pair).session(shenzhen)).hasStatusOk()
			.bodyText().contains("己公司（深圳）").contains("姓名及出生日期相同");
		assertThat(mvc.post().uri("/people/duplicates/{id}/merge", pair).session(shenzhen).with(csrf())
			.param("f_EMPLOYER", "TAKE").param("f_PHONE", "TAKE").param("f_UNIT", "KEEP")).hasStatus(302);

		assertThat(jdbc.sql("select employer from people_person where id = ?").param(keep).query(String.class).single())
			.isEqualTo("己公司（深圳）");
		assertThat(jdbc.sql("select merged_into from people_person where id = ?").param(other).query(Long.class).single()).isEqualTo(keep);
		assertThat(children(keep)).isEqualTo(List.of(2L, 3L, 1L));
		assertThat(children(other)).isEqualTo(List.of(0L, 1L, 0L));
		assertThat(jdbc.sql("select count(*) from people_history where person_id = ? and field = 'EMPLOYER'").param(keep)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(pair(keep, other)).containsEntry("status", "MERGED");
		assertThat(mvc.get().uri("/people?q={q}", name).session(shenzhen)).bodyText().contains("共 1 条");
		assertThat(jdbc.sql("select count(*) from platform_audit_log where object_type = 'person' and object_id = ? and reason = 'merge'")
			.param(Long.toString(keep)).query(Long.class).single()).isEqualTo(1);

		long merge = mergeOf(pair);
		assertThat(mvc.get().uri("/people/duplicates?status=MERGED").session(shenzhen)).bodyText().contains(name);
		undo(shenzhen, merge);

		assertThat(row(keep)).isEqualTo(keepBefore);
		assertThat(row(other)).isEqualTo(otherBefore);
		assertThat(children(keep)).isEqualTo(List.of(1L, 0L, 0L));
		assertThat(children(other)).isEqualTo(List.of(1L, 1L, 1L));
		assertThat(pair(keep, other)).containsEntry("status", "OPEN");
		assertThat(mvc.get().uri("/people?q={q}", name).session(shenzhen)).bodyText().contains("共 2 条");
	}

	@Test
	void undoIsRefusedOnceTheSurvivorWasEditedAfterTheMerge() {
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		String name = uniqueName();
		long keep = person(440304, name, "1972-12-12", "庚公司", "13300000051");
		long other = person(440304, name, "1972-12-12", "辛公司", "13300000052");
		deduplication.detect();
		long pair = (Long) pair(keep, other).get("id");
		mvc.post().uri("/people/duplicates/{id}/merge", pair).session(shenzhen).with(csrf()).exchange();
		jdbc.sql("update people_person set notes = '合并后修改', version = version + 1 where id = ?").param(keep).update();
		long merge = mergeOf(pair);
		undo(shenzhen, merge);
		assertThat(jdbc.sql("select merged_into from people_person where id = ?").param(other).query(Long.class).single()).isEqualTo(keep);
		assertThat(pair(keep, other)).containsEntry("status", "MERGED");
	}

	@Test
	void notADuplicateIsNeverProposedAgain() {
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		String name = uniqueName();
		long a = person(440304, name, "1991-11-11", "壬公司", "13200000061");
		long b = person(440305, name, "1991-11-11", "癸公司", "13200000062");
		deduplication.detect();
		long pair = (Long) pair(a, b).get("id");
		assertThat(mvc.post().uri("/people/duplicates/{id}/not-duplicate", pair).session(shenzhen).with(csrf())).hasStatus(302);
		jdbc.sql("update people_person set updated_at = now() where id in (?, ?)").params(a, b).update();
		deduplication.detect();
		assertThat(pair(a, b)).containsEntry("status", "NOT_DUPLICATE");
		assertThat(mvc.get().uri("/people/duplicates").session(shenzhen)).bodyText().doesNotContain(name);
		assertThat(mvc.get().uri("/people/duplicates?status=NOT_DUPLICATE").session(shenzhen)).bodyText().contains(name);
		assertThat(mvc.post().uri("/people/duplicates/{id}/merge", pair).session(shenzhen).with(csrf())).hasStatus(302);
		assertThat(jdbc.sql("select count(*) from people_merge where duplicate_id = ?").param(pair).query(Long.class).single()).isZero();
	}

	@Test
	void onlyTheCentralOfficeRunsDetectionByHandAndTheExportIsAudited() {
		assertThat(mvc.post().uri("/people/duplicates/scan").session(SignIn.as(mvc, "chengdu")).with(csrf())).hasStatus(403);
		assertThat(mvc.post().uri("/people/duplicates/scan").session(SignIn.as(mvc, "central")).with(csrf())).hasStatus(302);
		assertThat(mvc.get().uri("/people/duplicates/export.xlsx").session(SignIn.as(mvc, "chengdu"))).hasStatusOk();
		assertThat(jdbc.sql("select count(*) from platform_audit_log where object_type = 'person-duplicate' and action = 'EXPORT' and actor = 'chengdu'")
			.query(Long.class).single()).isPositive();
	}

	@ParameterizedTest
	@ValueSource(strings = { "admin", "secadmin", "auditor", "reviewer" })
	void nobodyOutsideThePeopleRolesReviewsDuplicates(String user) {
		MockHttpSession session = SignIn.as(mvc, user);
		assertThat(mvc.get().uri("/people/duplicates").session(session)).hasStatus(403);
		assertThat(mvc.get().uri("/people/duplicates/export.xlsx").session(session)).hasStatus(403);
	}

	/** Every column of the row but its version (undo moves it on, for optimistic locking). */
	String row(long id) {
		return jdbc.sql("select cast(to_jsonb(p) - 'version' as text) from people_person p where id = ?").param(id)
			.query(String.class).single();
	}

	/** Consent entries, history entries and platform accounts of a person. */
	List<Long> children(long id) {
		return List.of(
				jdbc.sql("select count(*) from people_consent where person_id = ?").param(id).query(Long.class).single(),
				jdbc.sql("select count(*) from people_history where person_id = ?").param(id).query(Long.class).single(),
				jdbc.sql("select count(*) from people_platform_account where person_id = ?").param(id).query(Long.class).single());
	}
}
