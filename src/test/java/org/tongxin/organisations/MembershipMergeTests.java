package org.tongxin.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.tongxin.people.MergeTestSupport;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/** Memberships follow a merge of duplicate persons to the survivor, and exactly those go back on undo. */
@PlatformTest
class MembershipMergeTests extends MergeTestSupport {

	long organisation(String name) {
		return jdbc.sql("insert into org_organisation (unit_id, name, kind) values (440304, ?, 'ASSOCIATION') returning id")
			.param(name + System.nanoTime() % 1_000_000)
			.query(Long.class)
			.single();
	}

	long member(long org, long person, String role, String status) {
		return jdbc.sql("""
				insert into org_membership (organisation_id, person_id, role, term_no, term_start, status)
				values (?, ?, ?, 1, date '2022-01-01', ?) returning id""")
			.params(org, person, role, status)
			.query(Long.class)
			.single();
	}

	List<String> rows(long... orgs) {
		return jdbc.sql("""
				select id || ' ' || organisation_id || ' ' || person_id || ' ' || role || ' ' || status
				from org_membership where organisation_id = any(?) order by id""")
			.param(java.util.Arrays.stream(orgs).boxed().toArray(Long[]::new))
			.query(String.class)
			.list();
	}

	@Test
	void mergingMovesMembershipsToTheSurvivorKeepsOneOfTwoEqualOnesAndUndoPutsExactlyThoseBack() {
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		long[] pair = duplicatePair();
		long keep = pair[0];
		long away = pair[1];
		long onlyAway = organisation("合并甲会");
		long both = organisation("合并乙会");
		long bothActive = organisation("合并丙会");
		long movedAlone = member(onlyAway, away, "DIRECTOR", "ACTIVE");
		long survivorLeft = member(both, keep, "MEMBER", "LEFT");
		long awayActive = member(both, away, "MEMBER", "ACTIVE");
		long survivorActive = member(bothActive, keep, "MEMBER", "ACTIVE");
		long awayDuplicate = member(bothActive, away, "MEMBER", "ACTIVE");
		List<String> before = rows(onlyAway, both, bothActive);

		long merge = merge(shenzhen, pair[2]);

		assertThat(rows(onlyAway, both, bothActive)).containsExactly(
				movedAlone + " " + onlyAway + " " + keep + " DIRECTOR ACTIVE",
				awayActive + " " + both + " " + keep + " MEMBER ACTIVE",
				survivorActive + " " + bothActive + " " + keep + " MEMBER ACTIVE");
		assertThat(jdbc.sql("select count(*) from org_membership where person_id = ?").param(away).query(Long.class).single())
			.isZero();
		// The conflicts are recorded: which membership was kept is in the move record and the audit log.
		assertThat(jdbc.sql("select membership_id || ' ' || outcome from org_membership_merge where merge_id = ? order by membership_id")
			.param(merge)
			.query(String.class)
			.list()).containsExactlyInAnyOrder(movedAlone + " MOVED", survivorLeft + " REMOVED", awayActive + " MOVED",
					awayDuplicate + " REMOVED");
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_log where object_type = 'organisation-membership' and reason = 'person merge'
				and detail like ?""").param("%\"merge\":" + merge + "%").query(Long.class).single()).isOne();
		// The survivor's page lists the memberships it now holds.
		assertThat(mvc.get().uri("/organisations/of-person/{id}", keep).session(shenzhen)).hasStatusOk()
			.bodyText().contains("合并甲会").contains("合并乙会").contains("合并丙会");

		undo(shenzhen, merge);

		assertThat(rows(onlyAway, both, bothActive)).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from org_membership_merge where merge_id = ?").param(merge).query(Long.class)
			.single()).isZero();
	}

	@Test
	void aMergedAwayPersonCannotBeAddedAsAMember() {
		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		long[] pair = duplicatePair();
		merge(shenzhen, pair[2]);
		long org = organisation("合并丁会");
		var refused = mvc.post()
			.uri("/api/v1/organisations/{id}/members", org)
			.session(shenzhen)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"person\": %d, \"role\": \"MEMBER\"}".formatted(pair[1]))
			.exchange();
		assertThat(refused).hasStatus(400);
		assertThat(refused).bodyJson().extractingPath("$.code").isEqualTo("member.person.mergedAway");
		assertThat(rows(org)).isEmpty();
	}
}
