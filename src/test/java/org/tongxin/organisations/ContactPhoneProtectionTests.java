package org.tongxin.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.organisations.internal.ContactPhoneEncryption;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.crypto.EncryptedColumnsTestSupport;
import org.tongxin.platform.crypto.FieldCipher;
import org.tongxin.platform.database.EmbeddedServer;

/** An organisation's contact phone is stored encrypted, shown masked, and revealed only with a reason, audited. */
@PlatformTest
class ContactPhoneProtectionTests extends EncryptedColumnsTestSupport {

	@Autowired
	ContactPhoneEncryption encryption;

	@Autowired
	EmbeddedServer postgres;

	long create(MockHttpSession session, String name, String phone) {
		MvcTestResult created = mvc.post()
			.uri("/api/v1/organisations")
			.session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"unit": 510104, "name": "%s", "kind": "ASSOCIATION", "partyOrgForm": "NONE",
					 "contactName": "王联系", "contactPhone": "%s"}""".formatted(name, phone))
			.exchange();
		assertThat(created).hasStatus(201);
		assertThat(created).bodyJson().extractingPath("$.contactPhoneMasked").isEqualTo(phone.substring(0, 3) + "****"
				+ phone.substring(phone.length() - 4));
		assertThat(body(created)).doesNotContain(phone);
		return jdbc.sql("select id from org_organisation where name = ?").param(name).query(Long.class).single();
	}

	static String body(MvcTestResult result) {
		try {
			return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.UnsupportedEncodingException e) {
			throw new IllegalStateException(e);
		}
	}

	String row(long id) {
		return jdbc.sql("select cast(to_jsonb(o) as text) from org_organisation o where id = ?").param(id)
			.query(String.class).single();
	}

	String stored(long id) {
		return decrypted("org_organisation", "contact_phone_cipher", id);
	}

	long audited(long id, String action, String text) {
		return jdbc.sql("""
				select count(*) from platform_audit_log where object_type = 'organisation' and object_id = ?
				and action = ? and coalesce(detail, '') || coalesce(reason, '') like ?""")
			.params(Long.toString(id), action, "%" + text + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void aContactPhoneIsStoredEncryptedAndEveryReaderSeesTheMask() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000L);
		long id = create(chengdu, "电话加密会" + System.nanoTime() % 100000, phone);

		assertThat(row(id)).doesNotContain(phone).doesNotContain(phone.substring(3));
		assertThat(stored(id)).isEqualTo(phone);
		assertThat(jdbc.sql("select contact_phone_hash = ? from org_organisation where id = ?")
			.params(cipher.hash(FieldCipher.Purpose.PHONE, phone), id).query(Boolean.class).single()).isTrue();
		assertThat(audited(id, "CREATE", phone)).isZero();
		// Not even the mask: the audit log records that the phone was set, not to what.
		assertThat(audited(id, "CREATE", phone.substring(0, 3) + "****")).isZero();
		assertThat(audited(id, "CREATE", "contactPhoneMasked")).isOne();

		MvcTestResult api = mvc.get().uri("/api/v1/organisations/{id}", id).session(chengdu).exchange();
		assertThat(body(api)).doesNotContain(phone).contains(phone.substring(0, 3) + "****" + phone.substring(7));
		MvcTestResult page = mvc.get().uri("/organisations/{id}", id).session(chengdu).exchange();
		assertThat(page).hasStatusOk();
		assertThat(body(page)).doesNotContain(phone).contains(phone.substring(0, 3) + "****" + phone.substring(7));
		MvcTestResult list = mvc.get().uri("/api/v1/organisations?q=电话加密会").session(chengdu).exchange();
		assertThat(body(list)).doesNotContain(phone);
		// The edit form is not filled with the number in clear; it says what is on file.
		MvcTestResult edit = mvc.get().uri("/organisations/{id}/edit", id).session(chengdu).exchange();
		assertThat(body(edit)).doesNotContain(phone).contains("留空则不变");
	}

	@Test
	void aBlankPhoneOnEditKeepsTheStoredOneAndANewOneReplacesIt() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String name = "电话保留会" + System.nanoTime() % 100000;
		long id = create(chengdu, name, "13800001111");
		String update = """
				{"unit": 510104, "name": "%s", "kind": "ASSOCIATION", "partyOrgForm": "NONE", "contactPhone": %s,
				 "description": "改了简介"}""";
		assertThat(mvc.put().uri("/api/v1/organisations/{id}", id).session(chengdu).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(update.formatted(name, "null"))).hasStatusOk();
		assertThat(stored(id)).isEqualTo("13800001111");
		MvcTestResult changed = mvc.put().uri("/api/v1/organisations/{id}", id).session(chengdu).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(update.formatted(name, "\"028-87654321\"")).exchange();
		assertThat(changed).hasStatusOk();
		assertThat(stored(id)).isEqualTo("028-87654321");
		assertThat(row(id)).doesNotContain("87654321");
		assertThat(audited(id, "UPDATE", "87654321")).isZero();
	}

	@Test
	void aRevealShowsThePhoneAndIsAuditedWithItsReason() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long id = create(chengdu, "电话查看会" + System.nanoTime() % 100000, "13700002222");
		MockHttpSession central = SignIn.as(mvc, "central");

		assertThat(mvc.get().uri("/organisations/{id}", id).session(central)).bodyText().contains("查看原因");
		MvcTestResult api = mvc.post().uri("/api/v1/organisations/{id}/reveal", id).session(central).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"回访联系\"}").exchange();
		assertThat(api).hasStatusOk();
		assertThat(api).bodyJson().extractingPath("$.value").isEqualTo("13700002222");
		assertThat(audited(id, "REVEAL", "回访联系")).isOne();

		assertThat(mvc.post().uri("/organisations/{id}/reveal", id).session(central).with(csrf())
			.param("reason", "核实电话")).hasStatusOk().bodyText().contains("13700002222").contains("本次查看已记录");
		assertThat(audited(id, "REVEAL", "核实电话")).isOne();

		// No reason, no phone, no entry.
		MvcTestResult noReason = mvc.post().uri("/api/v1/organisations/{id}/reveal", id).session(central).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \" \"}").exchange();
		assertThat(noReason).hasStatus(400);
		assertThat(body(noReason)).doesNotContain("13700002222");
		assertThat(mvc.post().uri("/organisations/{id}/reveal", id).session(central).with(csrf()).param("reason", ""))
			.bodyText().contains("请填写查看原因").doesNotContain("13700002222");
		assertThat(audited(id, "REVEAL", "")).isEqualTo(2);
	}

	@Test
	void readersWithoutThePermissionCannotReveal() {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		long id = create(chengdu, "电话无权会" + System.nanoTime() % 100000, "13600003333");
		assertThat(mvc.get().uri("/organisations/{id}", id).session(chengdu)).bodyText().doesNotContain("查看原因");
		assertThat(mvc.post().uri("/api/v1/organisations/{id}/reveal", id).session(chengdu).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"好奇\"}")).hasStatus(403);
		assertThat(mvc.post().uri("/organisations/{id}/reveal", id).session(chengdu).with(csrf()).param("reason", "好奇"))
			.hasStatus(403);
		assertThat(audited(id, "REVEAL", "")).isZero();
	}

	@Test
	void theDemoOrganisationsContactPhonesAreStoredEncrypted() {
		List<String> stored = jdbc.sql("""
				select contact_phone_cipher from org_organisation
				where contact_phone_cipher is not null and name = '深圳市新的社会阶层人士联谊会'""")
			.query((rs, n) -> cipher.decrypt(rs.getBytes(1)))
			.list();
		assertThat(stored).singleElement().asString().matches("1380000\\d{4}");
		assertThat(jdbc.sql("select cast(to_jsonb(o) as text) from org_organisation o where o.name = '深圳市新的社会阶层人士联谊会'")
			.query(String.class).single()).doesNotContain(stored.get(0)).doesNotContain(stored.get(0).substring(3));
	}

	@Test
	void theMigrationEncryptsExistingPlaintextPhonesAndDropsTheColumn() {
		String database = "orgphone_" + System.nanoTime() % 1_000_000;
		JdbcClient.create(postgres.postgresDatabase())
			.sql("create database " + database + " template template0 encoding 'UTF8'")
			.update();
		DriverManagerDataSource fresh = new DriverManagerDataSource(postgres.jdbcUrl("postgres", database), "postgres", "");
		Flyway.configure().dataSource(fresh).locations("classpath:db/migration").target("95").load().migrate();
		JdbcClient old = JdbcClient.create(fresh);
		long unit = old.sql("select min(id) from platform_unit").query(Long.class).single();
		old.sql("""
				insert into org_organisation (unit_id, name, kind, contact_phone) values
				(?, '旧明文甲', 'ASSOCIATION', '13512345678'), (?, '旧明文乙', 'ASSOCIATION', ' 010-66668888 '),
				(?, '无电话', 'ASSOCIATION', null)""")
			.params(unit, unit, unit)
			.update();

		Flyway.configure().dataSource(fresh).locations("classpath:db/migration").javaMigrations(encryption).load()
			.migrate();

		assertThat(old.sql("select count(*) from information_schema.columns where table_name = 'org_organisation' "
				+ "and column_name = 'contact_phone'").query(Long.class).single()).isZero();
		assertThat(old.sql("select cast(to_jsonb(o) as text) from org_organisation o").query(String.class).list())
			.noneMatch(r -> r.contains("12345678") || r.contains("66668888"));
		assertThat(old.sql("select name, contact_phone_cipher from org_organisation order by id")
			.query((rs, n) -> rs.getString(1) + "=" + (rs.getBytes(2) == null ? "-" : cipher.decrypt(rs.getBytes(2))))
			.list()).containsExactly("旧明文甲=13512345678", "旧明文乙=010-66668888", "无电话=-");
		assertThat(old.sql("select count(*) from org_organisation where contact_phone_hash = ?")
			.param(cipher.hash(FieldCipher.Purpose.PHONE, "13512345678")).query(Long.class).single()).isOne();
	}
}
