package org.tongxin.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.people.IdNumber;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.jobs.BackgroundJobs;
import org.tongxin.platform.jobs.JobId;

/**
 * Member import: good rows go in, blank rows are skipped, and every refused row — a bad ID check digit, an
 * unknown role, a person outside the scope — appears in the error report with its row number and a reason in
 * Chinese.
 */
@PlatformTest
class MemberImportTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	BackgroundJobs jobs;

	void person(MockHttpSession session, long unit, String name, String id, String phone) {
		assertThat(mvc.post()
			.uri("/api/v1/people")
			.session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"unit": %d, "name": "%s", "idNumber": "%s", "phone": "%s", "group": "NEW_MEDIA",
					 "ethnicity": "01", "legalBasis": "CONSENT"}""".formatted(unit, name, id, phone))).hasStatus(201);
	}

	MvcTestResult upload(MockHttpSession session, long organisation, String csv, boolean createUnknown) {
		return mvc.post()
			.uri("/organisations/imports")
			.session(session)
			.with(csrf())
			.multipart()
			.file(new MockMultipartFile("file", "成员.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("organisation", Long.toString(organisation))
			.param("createUnknown", Boolean.toString(createUnknown))
			.exchange();
	}

	/** Uploads, waits for the import's job to finish and returns the imports page that shows it. */
	MvcTestResult imported(MockHttpSession session, long organisation, String csv, boolean createUnknown)
			throws InterruptedException {
		MvcTestResult posted = upload(session, organisation, csv, createUnknown);
		assertThat(posted).hasStatus3xxRedirection();
		String location = java.util.Objects.requireNonNull(posted.getResponse().getRedirectedUrl());
		assertThat(location).startsWith("/organisations/imports?organisation=" + organisation + "&job=");
		await(java.util.UUID.fromString(location.substring(location.indexOf("job=") + 4)), Duration.ofSeconds(60));
		return mvc.get().uri(location).session(session).exchange();
	}

	/** Waits for a job to end (the runner polls every 200 ms in tests) and returns its status. */
	String await(java.util.UUID job, Duration within) throws InterruptedException {
		Instant deadline = Instant.now().plus(within);
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

	java.util.UUID jobOf(MvcTestResult page) {
		String location = java.util.Objects.requireNonNull(page.getResponse().getRedirectedUrl());
		return java.util.UUID.fromString(location.substring(location.indexOf("job=") + 4));
	}

	@Test
	void goodRowsAreInsertedAndBadOnesReportedInChinese() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		int seq = (int) (System.nanoTime() % 400) + 100;
		String good1 = IdNumber.of("510104", LocalDate.of(1988, 3, 5), seq).value();
		String good2 = IdNumber.of("510104", LocalDate.of(1990, 7, 9), seq).value();
		String foreign = IdNumber.of("440305", LocalDate.of(1985, 1, 2), seq).value();
		String phone2 = "1391234" + String.format("%04d", seq);
		person(chengdu, 510104, "导入甲", good1, "1381234" + String.format("%04d", seq));
		person(chengdu, 510104, "导入乙", good2, phone2);
		person(SignIn.as(mvc, "shenzhen"), 440305, "深圳丙", foreign, "1371234" + String.format("%04d", seq));
		String badChecksum = good1.substring(0, 17) + (good1.charAt(17) == '1' ? '2' : '1');
		String orgName = "导入测试会" + seq;
		assertThat(mvc.post()
			.uri("/api/v1/organisations")
			.session(chengdu)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unit\": 510104, \"name\": \"%s\", \"kind\": \"ASSOCIATION\", \"partyOrgForm\": \"NONE\"}"
				.formatted(orgName))).hasStatus(201);
		long org = jdbc.sql("select id from org_organisation where name = ?").param(orgName).query(Long.class).single();

		String csv = """
				成都导入测试名单,,,,
				姓名,身份证号,手机号,职务,任期开始
				导入甲,%s,,会长,2018-01-01
				导入乙,,%s,理事,2018/3/1
				,,,,
				错号,%s,,会员,
				导入甲,%s,,会计,
				深圳丙,%s,,会员,
				,,,,
				""".formatted(good1, phone2, badChecksum, good1, foreign);
		MvcTestResult result = imported(chengdu, org, csv, false);
		assertThat(result).hasStatusOk()
			.bodyText()
			.contains("共读取 7 行：导入 2 条成员记录，其中新建人士 0 人；跳过空行 2 行；3 行有错误。")
			.contains("身份证号校验位不正确")
			.contains("无法识别的职务")
			.contains("在您的数据范围内找不到该人士");

		List<String> members = jdbc.sql("""
				select role || ' ' || joined_via || ' ' || coalesce(term_start::text, '') from org_membership
				where organisation_id = ? order by id""").param(org).query(String.class).list();
		assertThat(members).containsExactly("PRESIDENT IMPORT 2018-01-01", "DIRECTOR IMPORT 2018-03-01");

		long importId = jdbc.sql("select max(id) from org_member_import where organisation_id = ?").param(org)
			.query(Long.class)
			.single();
		// URLs name an import by its public id, never by its sequence number.
		java.util.UUID importKey = jdbc.sql("select public_id from org_member_import where id = ?").param(importId)
			.query(java.util.UUID.class)
			.single();
		var report = mvc.get().uri("/organisations/imports/{id}/errors.xlsx", importKey).session(chengdu).exchange();
		assertThat(report).hasStatusOk();
		List<String> lines = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(report.getResponse().getContentAsByteArray()))) {
			for (Row row : book.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				row.forEach(cell -> cells.add(cell.getCellType() == CellType.NUMERIC
						? Long.toString((long) cell.getNumericCellValue()) : cell.getStringCellValue()));
				lines.add(String.join("|", cells));
			}
		}
		// ID numbers are masked as the people registry masks them: the report is stored and downloaded.
		assertThat(lines).containsExactly("行号|列|内容|原因",
				"6|身份证号|" + "*".repeat(18) + "|身份证号校验位不正确",
				"7|职务|会计|无法识别的职务，应为会长、副会长、秘书长、理事、会员或联络员",
				"8|身份证号|" + "*".repeat(18)
						+ "|在您的数据范围内找不到该人士（按身份证号或手机号匹配）");
		assertThat(String.join("\n", lines)).doesNotContain(badChecksum).doesNotContain(foreign);

		// Another unit's account cannot fetch the report.
		assertThat(mvc.get().uri("/organisations/imports/{id}/errors.xlsx", importKey).session(SignIn.as(mvc, "shenzhen")))
			.hasStatus(404);
		// Nor import into an organisation it cannot see, nor follow the import's job.
		assertThat(upload(SignIn.as(mvc, "shenzhen"), org, csv, false)).hasStatus(404);
		java.util.UUID job = jdbc.sql("""
				select j.public_id from org_member_import i join platform_job j on j.id = i.job_id where i.id = ?""")
			.param(importId)
			.query(java.util.UUID.class)
			.single();
		assertThat(mvc.get().uri("/organisations/imports?job={id}", job).session(SignIn.as(mvc, "shenzhen"))).hasStatus(404);
		assertThat(mvc.get().uri("/organisations/imports/jobs/{id}/result", job).session(SignIn.as(mvc, "shenzhen")))
			.hasStatus(404);
		assertThat(mvc.get().uri("/jobs/{id}/progress", job).session(SignIn.as(mvc, "shenzhen"))).hasStatus(404);
	}

	@Test
	void unknownPeopleCanBeCreatedWhenAsked() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		int seq = (int) (System.nanoTime() % 400) + 500;
		String fresh = IdNumber.of("510107", LocalDate.of(1992, 11, 20), seq).value();
		long org = jdbc.sql("select id from org_organisation where name = '武侯区分会'").query(Long.class).single();
		// Other tests expect every registry record to carry a mobile number, so the created person gets one too.
		String csv = "姓名,身份证号,手机号,职务,群体\n新来者" + seq + "," + fresh + ",1351234" + String.format("%04d", seq)
				+ ",会员,新媒体从业人员\n无群体,,1361234" + String.format("%04d", seq) + ",会员,\n";
		assertThat(imported(chengdu, org, csv, true)).hasStatusOk().bodyText().contains("其中新建人士 1 人");
		assertThat(jdbc.sql("select count(*) from people_person where name = ?").param("新来者" + seq).query(Long.class)
			.single()).isOne();
		assertThat(jdbc.sql("""
				select count(*) from org_membership m join people_person p on p.id = m.person_id
				where m.organisation_id = ? and p.name = ? and m.joined_via = 'IMPORT'""")
			.params(org, "新来者" + seq)
			.query(Long.class)
			.single()).isOne();
	}

	List<String> reportLines(byte[] xlsx) throws Exception {
		List<String> lines = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : book.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				row.forEach(cell -> cells.add(cell.getCellType() == CellType.NUMERIC
						? Long.toString((long) cell.getNumericCellValue()) : cell.getStringCellValue()));
				lines.add(String.join("|", cells));
			}
		}
		return lines;
	}

	/** An account of 成都 with a role of the test's own: the given permissions and nothing else. */
	MockHttpSession accountWith(String username, String role, String... permissions) {
		if (jdbc.sql("select count(*) from platform_account where username = ?").param(username).query(Long.class)
			.single() == 0) {
			jdbc.sql("insert into platform_role (code, sort) values (?, 900) on conflict do nothing").param(role).update();
			for (String permission : permissions) {
				jdbc.sql("insert into platform_role_permission (role, permission) values (?, ?) on conflict do nothing")
					.params(role, permission)
					.update();
			}
			String hash = jdbc.sql("select password_hash from platform_account where username = 'chengdu'")
				.query(String.class)
				.single();
			long id = jdbc.sql("""
					insert into platform_account (username, display_name, unit_id, password_hash)
					values (?, '成都市委统战部（测试）', 510100, ?) returning id""").params(username, hash).query(Long.class).single();
			jdbc.sql("insert into platform_account_role (account_id, role) values (?, ?)").params(id, role).update();
		}
		return SignIn.as(mvc, username);
	}

	long organisation(MockHttpSession session, String name) {
		assertThat(mvc.post()
			.uri("/api/v1/organisations")
			.session(session)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unit\": 510104, \"name\": \"%s\", \"kind\": \"ASSOCIATION\", \"partyOrgForm\": \"NONE\"}"
				.formatted(name))).hasStatus(201);
		return jdbc.sql("select id from org_organisation where name = ?").param(name).query(Long.class).single();
	}

	@Test
	void theErrorReportMasksIdAndMobileNumbersNeedsWriteAndIsAudited() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		int seq = (int) (System.nanoTime() % 400) + 100;
		long org = organisation(chengdu, "报告脱敏会" + seq);
		String unknownId = IdNumber.of("510105", LocalDate.of(1979, 4, 1), seq).value();
		String unknownPhone = "1709876" + String.format("%04d", seq);
		String badPhone = "1234567" + String.format("%04d", seq);
		String csv = "姓名,身份证号,手机号,职务\n无名," + unknownId + ",,会员\n无名二,," + unknownPhone + ",会员\n坏号,,"
				+ badPhone + ",会员\n";
		assertThat(imported(chengdu, org, csv, false)).hasStatusOk().bodyText().contains("3 行有错误").doesNotContain(unknownId)
			.doesNotContain(unknownPhone);
		long importId = jdbc.sql("select max(id) from org_member_import where organisation_id = ?").param(org)
			.query(Long.class)
			.single();
		// URLs name an import by its public id, never by its sequence number.
		java.util.UUID importKey = jdbc.sql("select public_id from org_member_import where id = ?").param(importId)
			.query(java.util.UUID.class)
			.single();
		byte[] stored = jdbc.sql("select report from org_member_import where id = ?").param(importId)
			.query((rs, n) -> rs.getBytes(1))
			.single();
		String storedText = String.join("\n", reportLines(stored));
		assertThat(storedText).doesNotContain(unknownId)
			.doesNotContain(unknownPhone)
			.doesNotContain(badPhone)
			.contains("*".repeat(18)).doesNotContain(unknownId.substring(14))
			.contains(unknownPhone.substring(0, 3) + "****" + unknownPhone.substring(7));

		// Reading organisations is not enough to download it.
		MockHttpSession reader = accountWith("org_reader_test", "ORG_READER_TEST", "organisations:read");
		assertThat(mvc.get().uri("/organisations/imports/{id}/errors.xlsx", importKey).session(reader)).hasStatus(403);
		String link = "/organisations/imports/" + importKey + "/errors.xlsx";
		assertThat(mvc.get().uri("/organisations/imports").session(reader)).hasStatusOk().bodyText().doesNotContain(link);
		assertThat(mvc.get().uri("/organisations/imports").session(chengdu)).hasStatusOk().bodyText().contains(link);

		long audited = jdbc.sql("""
				select count(*) from platform_audit_log
				where action = 'EXPORT' and object_type = 'organisation-member-import' and object_id = ?""")
			.param(Long.toString(importId))
			.query(Long.class)
			.single();
		assertThat(audited).isZero();
		var download = mvc.get().uri("/organisations/imports/{id}/errors.xlsx", importKey).session(chengdu).exchange();
		assertThat(download).hasStatusOk();
		assertThat(String.join("\n", reportLines(download.getResponse().getContentAsByteArray())))
			.doesNotContain(unknownId)
			.doesNotContain(unknownPhone);
		assertThat(jdbc.sql("""
				select count(*) from platform_audit_log
				where action = 'EXPORT' and object_type = 'organisation-member-import' and object_id = ?""")
			.param(Long.toString(importId))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void creatingUnknownPeopleNeedsPeopleWrite() throws Exception {
		MockHttpSession clerk = accountWith("org_clerk_test", "ORG_CLERK_TEST", "organisations:read",
				"organisations:write", "people:read");
		int seq = (int) (System.nanoTime() % 400) + 100;
		long org = organisation(clerk, "无人士权限会" + seq);
		String fresh = IdNumber.of("510107", LocalDate.of(1993, 2, 14), seq).value();
		String csv = "姓名,身份证号,手机号,职务,群体\n越权新建" + seq + "," + fresh + ",1341234" + String.format("%04d", seq)
				+ ",会员,新媒体从业人员\n";
		assertThat(upload(clerk, org, csv, true)).hasStatusOk()
			.bodyText()
			.contains("新建人士需要人士库的编辑权限（people:write）");
		assertThat(jdbc.sql("select count(*) from people_person where name = ?").param("越权新建" + seq)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from org_member_import where organisation_id = ?").param(org)
			.query(Long.class)
			.single()).isZero();
		// The same account may still import people who are already registered.
		assertThat(imported(clerk, org, csv, false)).hasStatusOk().bodyText().contains("在您的数据范围内找不到该人士");

		// The job checks it again as its owner: a job asking to create people, queued past the page (or before the
		// permission was withdrawn), fails and creates nobody.
		SignIn.onThisThread(users, "org_clerk_test");
		JobId job;
		try {
			job = jobs.submit("organisation-members", Map.of("organisation", org, "fileName", "越权.csv", "createUnknown", true),
					List.of(new BackgroundJobs.Upload("upload", "text/csv",
							new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))));
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		java.util.UUID publicId = jdbc.sql("select public_id from platform_job where id = ?").param(job.value())
			.query(java.util.UUID.class)
			.single();
		assertThat(await(publicId, Duration.ofSeconds(30))).isEqualTo("FAILED");
		assertThat(mvc.get().uri("/organisations/imports?job={id}", publicId).session(clerk)).hasStatusOk()
			.bodyText()
			.contains("新建人士需要人士库的编辑权限（people:write）");
		assertThat(jdbc.sql("select count(*) from people_person where name = ?").param("越权新建" + seq)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aPersonTheRegistryRefusesIsARefusedRowAndTheGoodRowsStillGoIn() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		int seq = (int) (System.nanoTime() % 400) + 100;
		String twice = IdNumber.of("510106", LocalDate.of(1986, 8, 8), seq).value();
		String other = IdNumber.of("510106", LocalDate.of(1987, 9, 9), seq).value();
		String goodPhone = "1331234" + String.format("%04d", seq);
		person(chengdu, 510106, "重号甲" + seq, twice, "1321234" + String.format("%04d", seq));
		person(chengdu, 510106, "重号乙" + seq, other, "1311234" + String.format("%04d", seq));
		person(chengdu, 510106, "好人" + seq, IdNumber.of("510106", LocalDate.of(1984, 1, 1), seq).value(), goodPhone);
		// Legacy data: two records of the scope with the same ID number. identify() cannot choose, and the
		// registry refuses to create a third.
		jdbc.sql("""
				update people_person set id_number_hash = (select id_number_hash from people_person where name = ?)
				where name = ?""").params("重号甲" + seq, "重号乙" + seq).update();
		long org = organisation(chengdu, "拒绝行会" + seq);
		String csv = "姓名,身份证号,手机号,职务,群体\n重号丙," + twice + ",,会员,新媒体从业人员\n好人" + seq + ",," + goodPhone
				+ ",理事,\n";
		assertThat(imported(chengdu, org, csv, true)).hasStatusOk()
			.bodyText()
			.contains("共读取 2 行：导入 1 条成员记录，其中新建人士 0 人；跳过空行 0 行；1 行有错误。")
			.contains("该身份证号码已有登记");
		assertThat(jdbc.sql("select role from org_membership where organisation_id = ?").param(org).query(String.class)
			.list()).containsExactly("DIRECTOR");
		assertThat(jdbc.sql("select count(*) from people_person where name = '重号丙'").query(Long.class).single()).isZero();
		long importId = jdbc.sql("select max(id) from org_member_import where organisation_id = ?").param(org)
			.query(Long.class)
			.single();
		byte[] stored = jdbc.sql("select report from org_member_import where id = ?").param(importId)
			.query((rs, n) -> rs.getBytes(1))
			.single();
		assertThat(reportLines(stored)).containsExactly("行号|列|内容|原因",
				"2|身份证号|" + "*".repeat(18) + "|该身份证号码已有登记。");
	}

	@Test
	void aLargeFileIsImportedInTheBackgroundWithProgress() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		int seq = (int) (System.nanoTime() % 900) + 100;
		long org = organisation(chengdu, "大名单会" + seq);
		int rows = 3000;
		StringBuilder csv = new StringBuilder("姓名,身份证号,手机号,职务,群体\n");
		for (int i = 0; i < rows; i++) {
			csv.append("批量").append(seq).append('-').append(i).append(',')
				.append(IdNumber.of("510107", LocalDate.of(1940, 1, 1).plusDays(i), seq).value())
				.append(",19").append(seq).append(String.format("%06d", i))
				.append(i % 10 == 0 ? ",理事" : ",会员")
				.append(",自由职业人员\n");
		}
		MvcTestResult posted = upload(chengdu, org, csv.toString(), true);
		assertThat(posted).hasStatus3xxRedirection();
		java.util.UUID job = jobOf(posted);
		// The page shows the platform's progress bar (polled by htmx while the job runs).
		assertThat(mvc.get().uri("/organisations/imports?job={id}", job).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("id=\"job-progress\"")
			.contains("id=\"import-result\"");
		// Left the page: the running import is listed, linked to its progress; another city does not see it.
		assertThat(mvc.get().uri("/organisations/imports").session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("进行中的导入")
			.contains("job=" + job);
		assertThat(mvc.get().uri("/organisations/imports").session(SignIn.as(mvc, "shenzhen"))).hasStatusOk()
			.bodyText()
			.doesNotContain("job=" + job);
		assertThat(await(job, Duration.ofSeconds(180))).isEqualTo("SUCCEEDED");
		assertThat(mvc.get().uri("/organisations/imports").session(chengdu)).bodyText().doesNotContain("job=" + job);
		// Progress was written as the rows went in: the last report counts every row of the file.
		assertThat(jdbc.sql("select done || '/' || total || ' ' || phase from platform_job where public_id = ?").param(job)
			.query(String.class)
			.single()).isEqualTo("3000/3000 memberImport.phase.importing");
		assertThat(mvc.get().uri("/organisations/imports/jobs/{id}/result", job).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("共读取 3,000 行：导入 3,000 条成员记录，其中新建人士 3,000 人；跳过空行 0 行；0 行有错误。")
			.doesNotContain("hx-trigger")
			.contains("hx-swap-oob");
		assertThat(jdbc.sql("select role, count(*) from org_membership where organisation_id = ? group by role order by role")
			.param(org)
			.query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2))
			.list()).containsExactly("DIRECTOR=300", "MEMBER=2700");
		assertThat(jdbc.sql("select count(*) from people_person where name like ?").param("批量" + seq + "-%")
			.query(Long.class)
			.single()).isEqualTo(3000);
		assertThat(jdbc.sql("select count(*) from org_member_import where organisation_id = ? and job_id = (select id from platform_job where public_id = ?)")
			.params(org, job)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aFileOfMoreThanTheCapIsRefusedAndNothingIsWritten() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		int seq = (int) (System.nanoTime() % 400) + 100;
		long org = organisation(chengdu, "超限会" + seq);
		StringBuilder csv = new StringBuilder("姓名,身份证号,手机号,职务\n");
		for (int i = 0; i <= 100_000; i++) {
			csv.append("某人,,13800000000,会员\n");
		}
		MvcTestResult posted = upload(chengdu, org, csv.toString(), false);
		java.util.UUID job = jobOf(posted);
		assertThat(await(job, Duration.ofSeconds(60))).isEqualTo("FAILED");
		assertThat(mvc.get().uri("/organisations/imports?job={id}", job).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("文件超过 100000 行，请分批导入。");
		assertThat(jdbc.sql("select count(*) from org_member_import where organisation_id = ?").param(org)
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from org_membership where organisation_id = ?").param(org)
			.query(Long.class)
			.single()).isZero();
	}
}
