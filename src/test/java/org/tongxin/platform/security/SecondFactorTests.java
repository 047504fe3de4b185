package org.tongxin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.accounts.AccountsTestSupport;
import org.tongxin.platform.accounts.Roles;
import org.tongxin.platform.accounts.TestAccounts;

/** Outside the demo data set: the first-start administrator, and TOTP for the three administrators. */
@SpringBootTest(properties = "tongxin.demo.mode=off")
@AutoConfigureMockMvc
class SecondFactorTests extends AccountsTestSupport {

	static final String PASSWORD = "Second#Factor2026";

	@Test
	void aFreshInstallationStartsWithOneAdministratorWhoMustChangeThePassword() {
		assertThat(jdbc.sql("select username from platform_account").query(String.class).list()).contains("admin")
			.doesNotContain("secadmin", "auditor", "central", "chengdu");
		var admin = accounts.findByUsername("admin").orElseThrow();
		assertThat(admin.mustChangePassword()).isTrue();
		assertThat(admin.roles()).containsExactly(Roles.SYSTEM_ADMIN);
	}

	@Test
	void anAdministratorEnrolsAnAuthenticatorAtTheFirstSignInAndNeedsACodeEveryTime() throws Exception {
		String username = TestAccounts.uniqueName("sec");
		long id = create(username, Roles.SECURITY_ADMIN);
		MockHttpSession session = TestAccounts.signIn(mvc, username, PASSWORD, "/login/mfa");

		// Nothing else until the second factor is done.
		assertThat(mvc.get().uri("/").session(session)).hasRedirectedUrl("/login/mfa");
		assertThat(mvc.get().uri("/admin/accounts").session(session)).hasRedirectedUrl("/login/mfa");
		assertThat(mvc.get().uri("/account/password").session(session)).hasRedirectedUrl("/login/mfa");
		assertThat(mvc.get().uri("/api/v1/me").session(session)).hasStatus(HttpStatus.UNAUTHORIZED);

		assertThat(mvc.get().uri("/login/mfa").session(session)).hasStatusOk()
			.bodyText()
			.contains("请用身份验证器 App", "qr.png");
		String secret = secret(id);
		assertThat(mvc.get().uri("/login/mfa").session(session)).bodyText().contains(secret);
		MvcTestResult qr = mvc.get().uri("/login/mfa/qr.png").session(session).exchange();
		assertThat(qr).hasStatusOk().hasContentType(MediaType.IMAGE_PNG);
		assertThat(decode(qr.getResponse().getContentAsByteArray())).isEqualTo(Totp.uri("Tongxin", username, secret));

		assertThat(verify(session, wrongCode(secret))).hasStatusOk().bodyText().contains("验证码不正确，请重试。");
		assertThat(auditCount(id, "MFA_FAILED")).isEqualTo(1);
		assertThat(enabled(id)).isFalse();

		String firstCode = Totp.codeAt(secret, Instant.now());
		assertThat(verify(session, firstCode)).hasRedirectedUrl("/");
		assertThat(mvc.get().uri("/").session(session)).hasStatusOk();
		assertThat(mvc.get().uri("/admin/accounts").session(session)).hasStatusOk();
		assertThat(enabled(id)).isTrue();
		assertThat(auditCount(id, "MFA_ENROLLED")).isEqualTo(1);
		assertThat(jdbc.sql("select detail from platform_audit_log where object_type = 'account' and object_id = ?")
			.param(Long.toString(id))
			.query(String.class)
			.list()).allSatisfy(detail -> assertThat(String.valueOf(detail)).doesNotContain(secret));

		// Enrolled: the next sign-in asks for a code, and the key is never shown again.
		MockHttpSession again = TestAccounts.signIn(mvc, username, PASSWORD, "/login/mfa");
		assertThat(mvc.get().uri("/login/mfa").session(again)).hasStatusOk()
			.bodyText()
			.contains("请输入身份验证器中的 6 位验证码")
			.doesNotContain(secret);
		assertThat(mvc.get().uri("/login/mfa/qr.png").session(again)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(verify(again, wrongCode(secret))).hasStatusOk().bodyText().contains("验证码不正确");
		// A code signs in once: replayed within its window it is refused, the authenticator's next one works.
		assertThat(verify(again, firstCode)).hasStatusOk().bodyText().contains("该验证码已经用过");
		assertThat(verify(again, Totp.codeAt(secret, Instant.now().plusSeconds(30)))).hasRedirectedUrl("/");
		assertThat(mvc.get().uri("/admin/accounts").session(again)).hasStatusOk();
	}

	@Test
	void fiveWrongCodesSignTheUserOutAndLockTheAccount() {
		String username = TestAccounts.uniqueName("audit");
		long id = create(username, Roles.AUDIT_ADMIN);
		MockHttpSession session = TestAccounts.signIn(mvc, username, PASSWORD, "/login/mfa");
		assertThat(mvc.get().uri("/login/mfa").session(session)).hasStatusOk();
		String wrong = wrongCode(secret(id));

		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThat(verify(session, wrong)).hasStatusOk().bodyText().contains("验证码不正确");
		}
		assertThat(verify(session, wrong)).hasRedirectedUrl("/login?locked");
		assertThat(session.isInvalid()).isTrue();
		assertThat(auditCount(id, "LOCKED")).isEqualTo(1);
		// Signing in again gets the answer any failed sign-in gets: the page does not tell that the account is locked.
		assertThat(mvc.perform(formLogin("/login").user(username).password(PASSWORD))).hasRedirectedUrl("/login?error");
	}

	@Test
	void businessRolesNeedNoSecondFactor() {
		String username = TestAccounts.uniqueName("staff");
		create(username, Roles.STAFF);
		MockHttpSession session = TestAccounts.signIn(mvc, username, PASSWORD, "/");
		assertThat(mvc.get().uri("/login/mfa").session(session)).hasRedirectedUrl("/");
	}

	@Test
	void anotherSecurityAdministratorResetsALostSecondFactor() {
		String lost = TestAccounts.uniqueName("lost");
		long lostId = create(lost, Roles.AUDIT_ADMIN);
		MockHttpSession first = TestAccounts.signIn(mvc, lost, PASSWORD, "/login/mfa");
		assertThat(mvc.get().uri("/login/mfa").session(first)).hasStatusOk();
		String oldSecret = secret(lostId);
		assertThat(verify(first, Totp.codeAt(oldSecret, Instant.now()))).hasRedirectedUrl("/");
		assertThat(enabled(lostId)).isTrue();

		String helper = TestAccounts.uniqueName("helper");
		long helperId = create(helper, Roles.SECURITY_ADMIN);
		MockHttpSession admin = TestAccounts.signIn(mvc, helper, PASSWORD, "/login/mfa");
		assertThat(mvc.get().uri("/login/mfa").session(admin)).hasStatusOk();
		assertThat(verify(admin, Totp.codeAt(secret(helperId), Instant.now()))).hasRedirectedUrl("/");

		assertThat(mvc.get().uri("/admin/accounts/{id}", lostId).session(admin)).bodyText().contains("重置双因素认证");
		assertThat(mvc.post().uri("/admin/accounts/{id}/reset-second-factor", lostId).session(admin).with(csrf()))
			.hasRedirectedUrl("/admin/accounts/" + lostId);
		assertThat(enabled(lostId)).isFalse();
		assertThat(accounts.findById(lostId).orElseThrow().totpSecret()).isNull();
		assertThat(auditCount(lostId, "UPDATE")).isEqualTo(1);
		// Nobody resets their own.
		assertThat(mvc.post().uri("/admin/accounts/{id}/reset-second-factor", helperId).session(admin).with(csrf()))
			.hasRedirectedUrl("/admin/accounts/" + helperId);
		assertThat(enabled(helperId)).isTrue();

		// The next sign-in enrols a new authenticator; the old one's codes are worthless.
		MockHttpSession again = TestAccounts.signIn(mvc, lost, PASSWORD, "/login/mfa");
		assertThat(mvc.get().uri("/login/mfa").session(again)).hasStatusOk().bodyText().contains("请用身份验证器 App");
		String newSecret = secret(lostId);
		assertThat(newSecret).isNotEqualTo(oldSecret);
		assertThat(verify(again, Totp.codeAt(newSecret, Instant.now()))).hasRedirectedUrl("/");
	}

	private long create(String username, String role) {
		return accounts.create(username, "测试 " + username, UnitId.CENTRAL, encoder.encode(PASSWORD),
				false, Set.of(role));
	}

	private static String decode(byte[] png) throws IOException, NotFoundException {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		return new MultiFormatReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
					java.util.Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, true))
			.getText();
	}

	private MvcTestResult verify(MockHttpSession session, String code) {
		return mvc.post().uri("/login/mfa").session(session).with(csrf()).param("code", code).exchange();
	}

	/** The secret as the application reads it; the column itself holds only its ciphertext. */
	private String secret(long id) {
		String secret = accounts.findById(id).orElseThrow().totpSecret();
		String stored = jdbc.sql("select totp_secret from platform_account where id = ?").param(id).query(String.class)
			.single();
		assertThat(stored).isNotEqualTo(secret).doesNotContain(secret);
		return secret;
	}

	private boolean enabled(long id) {
		return jdbc.sql("select totp_enabled from platform_account where id = ?").param(id).query(Boolean.class).single();
	}

	/** A six-digit code that is not valid in any of the accepted time steps. */
	private static String wrongCode(String secret) {
		Instant now = Instant.now();
		Set<String> valid = Stream.of(-60, -30, 0, 30, 60)
			.map(offset -> Totp.codeAt(secret, now.plusSeconds(offset)))
			.collect(Collectors.toSet());
		return Stream.of("000000", "111111", "222222", "333333", "444444", "555555")
			.filter(code -> !valid.contains(code))
			.findFirst()
			.orElseThrow();
	}

	private long auditCount(long id, String action) {
		return jdbc.sql("select count(*) from platform_audit_log where object_type = 'account' and object_id = ? and action = ?")
			.params(Long.toString(id), action)
			.query(Long.class)
			.single();
	}
}
