package org.tongxin.platform.audit;

import org.tongxin.platform.SignIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.AuditLog.Action;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.audit.AuditVerifier.Problem;
import org.tongxin.platform.audit.AuditVerifier.Verification;

@PlatformTest
class AuditVerifierTests extends AuditChainTestSupport {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	AuditVerifier verifier;

	@Autowired
	AuditChain auditChain;

	@Test
	void chainVerifiesAfterSignInsAndChanges() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.post().uri("/logout").session(chengdu).with(csrf())).hasRedirectedUrl("/login?logout");
		assertThat(mvc.perform(formLogin("/login").user("yuzhong").password("wrong"))).hasRedirectedUrl("/login?error");
		SignIn.as(mvc, "yuzhong");
		UnitId unit = new UnitId(510100);
		audit.append("chengdu", unit, Action.CREATE, "organisation", 7, Map.of("after", Map.of("name", "同心家园")), null);
		audit.append("chengdu", unit, Action.UPDATE, "organisation", 7,
				Map.of("before", Map.of("members", 27), "after", Map.of("members", 28)), null);
		audit.append("chengdu", unit, Action.REVEAL, "person", 42, Map.of("field", "phone"), "核实联系方式");
		audit.append("chengdu", unit, Action.DELETE, "organisation", 7, Map.of("before", Map.of("name", "同心家园")), null);

		Verification result = verifier.verify();

		assertThat(result.ok()).isTrue();
		assertThat(result.firstBrokenId()).isNull();
		assertThat(result.problem()).isNull();
		assertThat(result.entriesChecked())
			.isEqualTo(jdbc.sql("select count(*) from platform_audit_log").query(Long.class).single());
		assertThat(jdbc.sql("select array_agg(distinct action) from platform_audit_log where actor in ('chengdu', 'yuzhong')")
			.query((rs, n) -> (String[]) rs.getArray(1).getArray())
			.single()).contains(Action.LOGIN, Action.LOGOUT, Action.LOGIN_FAILED, Action.CREATE, Action.UPDATE,
					Action.REVEAL, Action.DELETE);
	}

	@Test
	void entryChangedInTheDatabaseIsTheFirstBrokenLink() {
		long altered = chain.append("organisation", "南京好朋友");
		chain.append("organisation", "金领E家");
		chain.append("organisation", "知音汇");

		chain.rolledBack(() -> {
			chain.pastTheTrigger(() -> jdbc.sql("update platform_audit_log set detail = ? where id = ?")
				.params("{\"after\":{\"name\":\"改过的名字\"}}", altered)
				.update());

			Verification result = verifier.verify();

			assertThat(result.ok()).isFalse();
			assertThat(result.firstBrokenId()).isEqualTo(altered);
			assertThat(result.problem()).isEqualTo(Problem.HASH_MISMATCH);
			assertThat(result.entriesChecked())
				.isEqualTo(jdbc.sql("select count(*) from platform_audit_log where id <= ?").param(altered)
					.query(Long.class).single());
		});
		assertThat(verifier.verify().ok()).isTrue();
	}

	@Test
	void entryRewrittenWithAFreshHashBreaksTheLinkToTheNextOne() {
		long rewritten = chain.append("organisation", "半坡艺术联盟");
		long next = chain.append("organisation", "心·家园");

		chain.rolledBack(() -> {
			AuditEntry original = chain.entry(rewritten);
			String forgedDetail = "{\"after\":{\"name\":\"伪造\"}}";
			// Even someone holding the key cannot rewrite one entry without breaking the link of the next.
			String forgedHash = auditChain.hash(original.chainAlgorithm(), original.prevHash(), original.at(), original.actor(),
					original.actorUnit(), original.action(), original.objectType(), original.objectId(), forgedDetail,
					original.reason(), original.ip());
			chain.pastTheTrigger(() -> jdbc.sql("update platform_audit_log set detail = ?, hash = ? where id = ?")
				.params(forgedDetail, forgedHash, rewritten)
				.update());

			Verification result = verifier.verify();

			assertThat(result.firstBrokenId()).isEqualTo(next);
			assertThat(result.problem()).isEqualTo(Problem.PREV_HASH_DOES_NOT_FOLLOW);
		});
		assertThat(verifier.verify().ok()).isTrue();
	}

	@Test
	void entryRemovedInTheDatabaseBreaksTheLinkOfTheNextOne() {
		long removed = chain.append("organisation", "自媒体联盟");
		long next = chain.append("organisation", "联络站");

		chain.rolledBack(() -> {
			chain.pastTheTrigger(() -> jdbc.sql("delete from platform_audit_log where id = ?").param(removed).update());

			Verification result = verifier.verify();

			assertThat(result.firstBrokenId()).isEqualTo(next);
			assertThat(result.problem()).isEqualTo(Problem.PREV_HASH_DOES_NOT_FOLLOW);
		});
		assertThat(verifier.verify().ok()).isTrue();
	}

	@Test
	void theDatabaseRefusesUpdatesAndEarlyDeletes() {
		long id = chain.append("organisation", "正行·凝心");

		assertThatThrownBy(() -> jdbc.sql("update platform_audit_log set reason = 'changed' where id = ?").param(id).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("platform_audit_log is append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from platform_audit_log where id = ?").param(id).update())
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("only be removed by the retention job after 180 days");
		// Not even the retention job may remove an entry younger than 180 days.
		chain.rolledBack(() -> {
			jdbc.sql("set local tongxin.audit_retention = 'on'").update();
			assertThatThrownBy(() -> jdbc.sql("delete from platform_audit_log where id = ?").param(id).update())
				.isInstanceOf(DataAccessException.class)
				.hasMessageContaining("only be removed by the retention job after 180 days");
		});

		assertThat(chain.entry(id).reason()).isNull();
		assertThat(verifier.verify().ok()).isTrue();
	}
}
