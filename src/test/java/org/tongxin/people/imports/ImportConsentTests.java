package org.tongxin.people.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.ThreadSignIn;

/**
 * Issue 9, item 7 (consent): an import does not update a person who withdrew basic consent — the row is
 * reported as refused, "consent withdrawn" — until consent is given again.
 */
@PlatformTest
class ImportConsentTests {

	@Autowired
	PeopleImports imports;

	@Autowired
	JdbcClient jdbc;

	@RegisterExtension
	final ThreadSignIn signIn = new ThreadSignIn();

	@Test
	void aPersonWhoWithdrewBasicConsentIsNotUpdatedByAnImport() throws Exception {
		String name = ImportFiles.name("撤回");
		String id = ImportFiles.idNumber(LocalDate.of(1972, 2, 2));
		run(ImportFiles.csv(StandardCharsets.UTF_8, false,
				List.of("姓名,身份证号码,类别,工作单位", name + "," + id + ",INTERMEDIARY,甲律所")), ImportMode.SKIP);
		long person = jdbc.sql("select id from people_person where name = ?").param(name).query(Long.class).single();
		withdraw(person, "WITHDRAWN");
		byte[] change = ImportFiles.csv(StandardCharsets.UTF_8, false,
				List.of("姓名,身份证号码,类别,工作单位", name + "," + id + ",INTERMEDIARY,乙律所"));

		PeopleImports.ImportJob refused = run(change, ImportMode.UPDATE);
		assertThat(refused.result().updated()).isZero();
		assertThat(refused.result().inserted()).isZero();
		assertThat(refused.result().failed()).isEqualTo(1);
		assertThat(employer(person)).isEqualTo("甲律所");
		try (InputStream in = imports.open(imports.errors(refused.job().publicId()).orElseThrow())) {
			assertThat(ImportFiles.read(in).toString()).contains("consent withdrawn").contains(name);
		}
		assertThat(run(change, ImportMode.FILL_EMPTY).result().failed()).isEqualTo(1);

		withdraw(person, "GIVEN");
		assertThat(run(change, ImportMode.UPDATE).result().updated()).isEqualTo(1);
		assertThat(employer(person)).isEqualTo("乙律所");
	}

	void withdraw(long person, String event) {
		// As the person's page records it: the ledger entry and the state that follows the latest basic event.
		jdbc.sql("""
				insert into people_consent (person_id, event, scope, notice_version, channel, recorded_by)
				values (?, ?, 'BASIC', '2026-01', '书面', 'chengdu')""").params(person, event).update();
		jdbc.sql("update people_person set consent_state = ? where id = ?").params(event, person).update();
	}

	String employer(long person) {
		return jdbc.sql("select employer from people_person where id = ?").param(person).query(String.class).single();
	}

	PeopleImports.ImportJob run(byte[] content, ImportMode mode) throws InterruptedException {
		signIn.as("chengdu");
		java.util.UUID id = imports.submit("c.csv", "application/octet-stream", new ByteArrayInputStream(content), mode, false);
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			PeopleImports.ImportJob job = imports.find(id).orElseThrow();
			if (job.job().status().finished()) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import " + id + " did not finish");
	}
}
