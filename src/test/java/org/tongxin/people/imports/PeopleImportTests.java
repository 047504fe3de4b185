package org.tongxin.people.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.ThreadSignIn;
import org.tongxin.platform.jobs.JobStatus;
import org.tongxin.platform.tabular.TabularFiles;

@PlatformTest
@Import(PeopleImportTests.Crash.class)
class PeopleImportTests {

	/** Breaks the next import after its inserts, inside the transaction: as a kill -9 would, before commit. */
	@TestConfiguration
	static class Crash {

		static final AtomicBoolean armed = new AtomicBoolean();

		@Bean
		ImportCheckpoint crashOnce() {
			return (step, job) -> {
				if ("inserted".equals(step) && armed.compareAndSet(true, false)) {
					throw new IllegalStateException("simulated crash in the middle of the merge");
				}
			};
		}
	}

	static final List<String> HEADER = List.of("姓名", "性别", "出生年月", "民族", "身份证号", "手机", "人士类别", "工作单位",
			"所在城市", "区县", "电子邮箱");

	@Autowired
	PeopleImports imports;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@RegisterExtension
	final ThreadSignIn signIn = new ThreadSignIn();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	org.tongxin.platform.crypto.FieldCipher cipher;

	PeopleImports.ImportJob run(String user, String file, byte[] content, ImportMode mode, boolean dryRun)
			throws InterruptedException {
		signIn.as(user);
		java.util.UUID id = imports.submit(file, "application/octet-stream", new ByteArrayInputStream(content), mode,
				dryRun);
		return await(id);
	}

	PeopleImports.ImportJob await(java.util.UUID id) throws InterruptedException {
		return ImportFiles.await(imports, id);
	}

	List<List<String>> report(PeopleImports.ImportJob job) throws Exception {
		try (InputStream in = imports.open(imports.errors(job.job().publicId()).orElseThrow())) {
			return ImportFiles.read(in);
		}
	}

	static List<Object> row(Object... cells) {
		return new ArrayList<>(Arrays.asList(cells));
	}

	long persons(String name) {
		return jdbc.sql("select count(*) from people_person where name = ?").param(name).query(Long.class).single();
	}

	@Test
	void aMessySpreadsheetIsCleanedAndWhatCannotBeUsedIsReported() throws Exception {
		String fullWidth = ImportFiles.name("全角");
		String withX = ImportFiles.name("小写");
		String[] dated = { ImportFiles.name("日一"), ImportFiles.name("日二"), ImportFiles.name("日三"),
				ImportFiles.name("日四"), ImportFiles.name("日五"), ImportFiles.name("日六"), ImportFiles.name("日七") };
		String scientific = ImportFiles.name("科学");
		String twice = ImportFiles.name("重复");
		String martian = ImportFiles.name("字典");
		String elsewhere = ImportFiles.name("外市");
		String idX = ImportFiles.idNumberWithX(LocalDate.of(1971, 2, 3));
		String idPlain = ImportFiles.idNumber(LocalDate.of(1972, 4, 5));
		// Full-width digits in the phone and ID, full-width letters in the e-mail.
		String idFullWidth = toFullWidth(idPlain.substring(0, 6)) + " " + idPlain.substring(6, 14) + "-" + idPlain.substring(14);
		String dashedX = idX.substring(0, 6) + "-" + idX.substring(6, 14) + " " + idX.substring(14).toLowerCase();
		List<List<Object>> rows = List.of(
				row(fullWidth, "男", null, "汉族", idFullWidth, "１３８ ０００１-２３４５", "民营企业和外商投资企业管理技术人员", "全角公司", null, "武侯区", "ＡＢＣ@ｅｘａｍｐｌｅ.com"),
				row(withX, null, null, "汉", dashedX, "+86 139-0000-1111", "FREELANCE", null, "成都", null, null),
				row(dated[0], "女", "1985-03-05", null, null, null, "自由职业人员", null, null, null, null),
				row(dated[1], "女", "1985/3/5", null, null, null, "自由职业人员", null, null, null, null),
				row(dated[2], "女", "1985年3月5日", null, null, null, "自由职业人员", null, null, null, null),
				row(dated[3], "女", "19850305", null, null, null, "自由职业人员", null, null, null, null),
				row(dated[4], "女", "1985.3", null, null, null, "自由职业人员", null, null, null, null),
				row(dated[5], "女", 31111, null, null, null, "自由职业人员", null, null, null, null),
				row(dated[6], "女", LocalDate.of(1985, 3, 5), null, null, null, "自由职业人员", null, null, null, null),
				row(),
				row(scientific, "男", null, null, 110105198503051234.0, null, "自由职业人员", null, null, null, null),
				row(twice, "男", "1980-01-01", null, null, null, "自由职业人员", null, null, null, null),
				row(twice, "男", "1980-01-01", null, null, null, "自由职业人员", null, null, null, null),
				row(),
				row(martian, "男", null, "火星族", null, null, "自由职业人员", null, null, null, null),
				row(elsewhere, "男", null, null, null, null, "自由职业人员", null, "深圳市", null, null));
		byte[] file = ImportFiles.xlsx(List.of("成都市新的社会阶层人士名单（2018年）", "填报单位：成都市委统战部"), HEADER, rows);

		PeopleImports.ImportJob job = run("chengdu", "名单.xlsx", file, ImportMode.SKIP, false);

		assertThat(job.job().status()).isEqualTo(JobStatus.SUCCEEDED);
		List<List<String>> report = report(job);
		// Title rows 1–2, header row 3: the first data row is row 4, so the scientific ID sits in row 14.
		assertThat(report).containsExactly(
				// The report masks ID numbers and leaves birth dates out, as the registry does (issue 9, item 1).
				List.of("14", "身份证号", "*".repeat(18), messageOf("tabular.id.scientific")),
				List.of("16", "姓名", twice, "与文件第 15 行重复，已保留第 15 行"),
				List.of("18", "民族", "火星族", "不在代码字典中，请从模板的下拉列表中选择"),
				List.of("19", "所在城市", "深圳市", "该城市或区县不在您的管辖范围内"));
		ImportResult result = job.result();
		assertThat(result).isNotNull();
		// 16 data rows below title and header, 2 of them blank.
		assertThat(result.total()).isEqualTo(14);
		assertThat(result.inserted()).isEqualTo(10);
		assertThat(result.failed()).isEqualTo(4);
		assertThat(result.total()).isEqualTo(result.inserted() + result.updated() + result.skipped() + result.failed());

		var fw = jdbc.sql("select unit_id, sex, birth_date, email, email_cipher, id_number_hash is not null as has_id, phone_hash is not null as has_phone, legal_basis, import_job_id from people_person where name = ?")
			.param(fullWidth).query().singleRow();
		assertThat(fw.get("unit_id")).isEqualTo(510107L);
		assertThat(fw.get("birth_date").toString()).isEqualTo("1972-04-05");
		// Stored encrypted, the plaintext column empty (issue 9, item 6).
		assertThat(fw.get("email")).isNull();
		assertThat(cipher.decrypt((byte[]) fw.get("email_cipher"))).isEqualTo("ABC@example.com");
		assertThat(fw.get("has_id")).isEqualTo(true);
		assertThat(fw.get("has_phone")).isEqualTo(true);
		assertThat(fw.get("legal_basis")).isEqualTo("DUTY");
		assertThat(fw.get("import_job_id")).isEqualTo(job.job().id().value());
		var x = jdbc.sql("select unit_id, sex, birth_date from people_person where name = ?").param(withX).query().singleRow();
		assertThat(x.get("unit_id")).isEqualTo(510100L);
		assertThat(x.get("birth_date").toString()).isEqualTo("1971-02-03");
		for (int i = 0; i < dated.length; i++) {
			String expected = i == 4 ? "1985-03-01" : "1985-03-05";
			assertThat(jdbc.sql("select birth_date from people_person where name = ?").param(dated[i])
				.query(LocalDate.class).single()).as(dated[i]).hasToString(expected);
		}
		assertThat(persons(twice)).isEqualTo(1);
		assertThat(persons(scientific)).isZero();
		assertThat(persons(martian)).isZero();
		assertThat(persons(elsewhere)).isZero();
		// Nothing in clear: the cipher texts never contain the digits.
		assertThat(jdbc.sql("select count(*) from people_person where import_job_id = ? and encode(id_number_cipher, 'escape') like ?")
			.params(job.job().id().value(), "%" + idPlain.substring(6, 14) + "%").query(Long.class).single()).isZero();

	}

	String messageOf(String key) throws Exception {
		java.util.Properties p = new java.util.Properties();
		try (var in = getClass().getResourceAsStream("/messages-platform.properties")) {
			p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return p.getProperty(key);
	}

	static String toFullWidth(String digits) {
		StringBuilder out = new StringBuilder();
		digits.chars().forEach(c -> out.append((char) (c + 0xFEE0)));
		return out.toString();
	}

	@Test
	void committedImportsAreCountedForTheOperatorsDashboardAndDryRunsAreNot() throws Exception {
		double inserted = insertedRows();
		long imports = speed().count();
		byte[] file = ImportFiles.csv(StandardCharsets.UTF_8, false, List.of("姓名,性别,人士类别",
				ImportFiles.name("计数") + ",男,新媒体从业人员", ImportFiles.name("计数") + ",女,新媒体从业人员"));

		run("chengdu", "计数.csv", file, ImportMode.SKIP, true);
		assertThat(insertedRows()).as("a dry run writes nothing").isEqualTo(inserted);
		assertThat(speed().count()).isEqualTo(imports);

		run("chengdu", "计数.csv", file, ImportMode.SKIP, false);
		assertThat(insertedRows()).isEqualTo(inserted + 2);
		assertThat(speed().count()).isEqualTo(imports + 1);
		assertThat(speed().max()).isPositive();
	}

	private double insertedRows() {
		var counter = meters.find("tongxin.imports.rows").tag("outcome", "inserted").counter();
		return counter == null ? 0 : counter.count();
	}

	private io.micrometer.core.instrument.DistributionSummary speed() {
		return meters.get("tongxin.imports.rows.per.second").summary();
	}

	@Test
	void csvInUtf8WithBomAndInGb18030() throws Exception {
		for (var variant : List.of(new Object[] { StandardCharsets.UTF_8, true }, new Object[] { TabularFiles.GB18030, false })) {
			String a = ImportFiles.name("编码");
			String b = ImportFiles.name("编码");
			byte[] file = ImportFiles.csv((java.nio.charset.Charset) variant[0], (Boolean) variant[1], List.of(
					"姓名,性别,人士类别,工作单位", a + ",男,新媒体从业人员,\"某某网络科技有限公司\"", b + ",女,新媒体从业人员,"));
			PeopleImports.ImportJob job = run("chengdu", "名单.csv", file, ImportMode.SKIP, false);
			assertThat(job.result()).isNotNull();
			assertThat(job.result().inserted()).as(variant[0].toString()).isEqualTo(2);
			assertThat(jdbc.sql("select employer from people_person where name = ?").param(a).query(String.class).single())
				.isEqualTo("某某网络科技有限公司");
			assertThat(persons(b)).isEqualTo(1);
		}
	}

	@Test
	void aDryRunReportsExactlyWhatTheRealRunThenDoes() throws Exception {
		String existing = ImportFiles.name("试运");
		String fresh = ImportFiles.name("试运");
		String id = ImportFiles.idNumber(LocalDate.of(1966, 6, 6));
		run("chengdu", "a.csv", ImportFiles.csv(StandardCharsets.UTF_8, false,
				List.of("姓名,身份证号码,类别", existing + "," + id + ",中介组织和社会组织从业人员")), ImportMode.SKIP, false);
		assertThat(persons(existing)).isEqualTo(1);
		byte[] file = ImportFiles.csv(StandardCharsets.UTF_8, false, List.of("姓名,身份证号码,类别,工作单位",
				existing + "," + id + ",中介组织和社会组织从业人员,新律所", fresh + "," + ImportFiles.idNumber(LocalDate.of(1967, 7, 7)) + ",中介组织和社会组织从业人员,",
				"无名氏,12345,中介组织和社会组织从业人员,"));

		PeopleImports.ImportJob dry = run("chengdu", "b.csv", file, ImportMode.UPDATE, true);
		assertThat(persons(fresh)).isZero();
		assertThat(jdbc.sql("select employer from people_person where name = ?").param(existing).query(String.class).optional()).isEmpty();
		PeopleImports.ImportJob real = run("chengdu", "b.csv", file, ImportMode.UPDATE, false);

		assertThat(dry.result()).isNotNull();
		assertThat(real.result()).isNotNull();
		assertThat(dry.result().dryRun()).isTrue();
		assertThat(List.of(dry.result().total(), dry.result().inserted(), dry.result().updated(), dry.result().skipped(), dry.result().failed()))
			.containsExactly(3L, 1L, 1L, 0L, 1L)
			.isEqualTo(List.of(real.result().total(), real.result().inserted(), real.result().updated(), real.result().skipped(), real.result().failed()));
		assertThat(report(dry)).isEqualTo(report(real)).hasSize(1);
		assertThat(persons(fresh)).isEqualTo(1);
		assertThat(jdbc.sql("select employer from people_person where name = ?").param(existing).query(String.class).single()).isEqualTo("新律所");
	}

	@Test
	void theThreeModesForPersonsAlreadyRegistered() throws Exception {
		String name = ImportFiles.name("模式");
		String id = ImportFiles.idNumber(LocalDate.of(1977, 7, 7));
		run("chengdu", "a.csv", ImportFiles.csv(StandardCharsets.UTF_8, false,
				List.of("姓名,身份证号码,类别,工作单位", name + "," + id + ",INTERMEDIARY,甲律所")), ImportMode.SKIP, false);
		long personId = jdbc.sql("select id from people_person where name = ?").param(name).query(Long.class).single();
		// Matched by ID number even with the name written differently; by phone or name + birth date otherwise.
		byte[] change = ImportFiles.csv(StandardCharsets.UTF_8, false,
				List.of("姓名,身份证号码,类别,工作单位,电子邮箱", name + "," + id + ",INTERMEDIARY,乙律所,m@example.com"));

		PeopleImports.ImportJob skip = run("chengdu", "s.csv", change, ImportMode.SKIP, false);
		assertThat(skip.result().skipped()).isEqualTo(1);
		assertThat(employerAndEmail(personId)).containsExactly("甲律所", null);

		PeopleImports.ImportJob fill = run("chengdu", "f.csv", change, ImportMode.FILL_EMPTY, false);
		assertThat(fill.result().updated()).isEqualTo(1);
		assertThat(employerAndEmail(personId)).containsExactly("甲律所", "m@example.com");

		PeopleImports.ImportJob update = run("chengdu", "u.csv", change, ImportMode.UPDATE, false);
		assertThat(update.result().updated()).isEqualTo(1);
		assertThat(update.result().inserted()).isZero();
		assertThat(employerAndEmail(personId)).containsExactly("乙律所", "m@example.com");
		assertThat(jdbc.sql("select old_value || '→' || new_value from people_history where person_id = ? and field = 'EMPLOYER'")
			.param(personId).query(String.class).list()).containsExactly("甲律所→乙律所");
		assertThat(persons(name)).isEqualTo(1);
	}

	/** The email as stored: encrypted, the plaintext column empty (issue 9, item 6). */
	List<String> employerAndEmail(long id) {
		return jdbc.sql("select employer, email_cipher, email from people_person where id = ?").param(id)
			.query((rs, n) -> {
				assertThat(rs.getString(3)).isNull();
				byte[] email = rs.getBytes(2);
				return Arrays.asList(rs.getString(1), email == null ? null : cipher.decrypt(email));
			})
			.single();
	}

	@Test
	void anImportInterruptedMidMergeIsRunAgainWithExactCountsAndNoDuplicates() throws Exception {
		List<String> lines = new ArrayList<>(List.of("姓名,性别,类别"));
		List<String> names = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			names.add(ImportFiles.name("断电"));
			lines.add(names.get(i) + ",男,自由职业人员");
		}
		Crash.armed.set(true);
		PeopleImports.ImportJob job = run("chengdu", "c.csv", ImportFiles.csv(StandardCharsets.UTF_8, false, lines),
				ImportMode.SKIP, false);

		assertThat(Crash.armed).isFalse();
		assertThat(job.job().status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(job.job().attempts()).isEqualTo(2);
		assertThat(job.result().inserted()).isEqualTo(50);
		long jobId = job.job().id().value();
		assertThat(jdbc.sql("select count(*) from people_person where import_job_id = ?").param(jobId).query(Long.class).single()).isEqualTo(50);
		assertThat(jdbc.sql("select count(*) from platform_audit_log where object_type = 'person-import' and object_id = ?")
			.param(Long.toString(jobId)).query(Long.class).single()).isEqualTo(1);

		// Killed after the commit, before the job was marked done: the next run finds the import committed.
		jdbc.sql("""
				update platform_job set status = 'RUNNING', runner = 'dead', result = null, finished_at = null,
				       heartbeat_at = now() - interval '5 minutes' where id = ?""").param(jobId).update();
		PeopleImports.ImportJob again = await(job.job().publicId());
		assertThat(again.job().attempts()).isEqualTo(3);
		assertThat(again.result().inserted()).isEqualTo(50);
		for (String name : names) {
			assertThat(persons(name)).isEqualTo(1);
		}
		assertThat(imports.errors(job.job().publicId())).isEmpty();
	}

	/** Progress is reported, and cancellation checked, on another connection while the COPY is open. */
	@Test
	void aFileOfManyProgressStepsIsImported() throws Exception {
		List<String> lines = new ArrayList<>(List.of("姓名,性别,类别"));
		String prefix = ImportFiles.name("进度");
		for (int i = 0; i < 12_000; i++) {
			lines.add(prefix + i + ",女,新媒体从业人员");
		}
		PeopleImports.ImportJob job = run("chengdu", "long.csv", ImportFiles.csv(StandardCharsets.UTF_8, false, lines),
				ImportMode.SKIP, false);
		assertThat(job.job().status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(job.result().inserted()).isEqualTo(12_000);
	}

	@Test
	void aPlaceColumnWithCityAndDistrictTogetherIsReadAsBoth() throws Exception {
		String jinjiang = ImportFiles.name("地点");
		String wuhou = ImportFiles.name("地点");
		String city = ImportFiles.name("地点");
		String unknown = ImportFiles.name("地点");
		String outside = ImportFiles.name("地点");
		byte[] file = ImportFiles.csv(StandardCharsets.UTF_8, true, List.of("姓名,性别,类别,所在地",
				jinjiang + ",女,自由职业人员,成都市锦江区", wuhou + ",男,自由职业人员,四川省 成都市 武侯区",
				city + ",女,自由职业人员,成都", unknown + ",男,自由职业人员,火星市某区", outside + ",女,自由职业人员,深圳市南山区"));

		PeopleImports.ImportJob job = run("chengdu", "place.csv", file, ImportMode.SKIP, false);

		assertThat(job.result().inserted()).isEqualTo(3);
		assertThat(unitOf(jinjiang)).isEqualTo(510104);
		assertThat(unitOf(wuhou)).isEqualTo(510107);
		assertThat(unitOf(city)).isEqualTo(510100);
		assertThat(report(job)).containsExactlyInAnyOrder(
				List.of("5", "所在地", "火星市某区", "无法识别的所在地，请写成“成都市锦江区”这样的城市加区县"),
				List.of("6", "所在城市", "深圳市南山区", "该城市或区县不在您的管辖范围内"));
	}

	long unitOf(String name) {
		return jdbc.sql("select unit_id from people_person where name = ?").param(name).query(Long.class).single();
	}

	@Test
	void anImportAndItsReportStayWithinTheImportersScope() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		byte[] file = ImportFiles.csv(StandardCharsets.UTF_8, true, List.of("姓名,性别,类别,所在城市",
				ImportFiles.name("接口") + ",女,自由职业人员,成都市", ImportFiles.name("接口") + ",女,自由职业人员,深圳"));
		var submitted = mvc.post().uri("/api/v1/people/imports").session(chengdu).with(csrf())
			.multipart().file(new MockMultipartFile("file", "api.csv", "text/csv", file)).param("mode", "SKIP").exchange();
		assertThat(submitted).hasStatus(202).bodyJson().extractingPath("$.id").isNotNull();
		java.util.UUID id = java.util.UUID
			.fromString(com.jayway.jsonpath.JsonPath.read(submitted.getResponse().getContentAsString(), "$.id"));
		signIn.as("chengdu");
		await(id);

		assertThat(mvc.get().uri("/api/v1/people/imports/{id}", id).session(chengdu)).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.status").isEqualTo("SUCCEEDED");
				assertThat(json).extractingPath("$.counts.total").isEqualTo(2);
				assertThat(json).extractingPath("$.counts.inserted").isEqualTo(1);
				assertThat(json).extractingPath("$.counts.updated").isEqualTo(0);
				assertThat(json).extractingPath("$.counts.skipped").isEqualTo(0);
				assertThat(json).extractingPath("$.counts.failed").isEqualTo(1);
				assertThat(json).extractingPath("$.progress.percent").isEqualTo(100);
			});
		var errors = mvc.get().uri("/api/v1/people/imports/{id}/errors.xlsx", id).session(chengdu).exchange();
		assertThat(errors).hasStatusOk().hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(ImportFiles.read(new ByteArrayInputStream(errors.getResponse().getContentAsByteArray())))
			.containsExactly(List.of("3", "所在城市", "深圳", "该城市或区县不在您的管辖范围内"));
		assertThat(mvc.get().uri("/people/imports/{id}", id).session(chengdu)).hasStatusOk().bodyText().contains("已完成", "错误报告");

		MockHttpSession shenzhen = SignIn.as(mvc, "shenzhen");
		assertThat(mvc.get().uri("/api/v1/people/imports/{id}", id).session(shenzhen)).hasStatus(404);
		assertThat(mvc.get().uri("/api/v1/people/imports/{id}/errors.xlsx", id).session(shenzhen)).hasStatus(404);
		assertThat(mvc.get().uri("/people/imports/{id}/errors.xlsx", id).session(shenzhen)).hasStatus(404);
		assertThat(mvc.get().uri("/people/imports/{id}", id).session(shenzhen)).hasStatus(404);
		assertThat(mvc.get().uri("/people/imports").session(shenzhen)).hasStatusOk().bodyText().doesNotContain("api.csv");
	}

	@Test
	void theTemplateCarriesDropDownsFromAHiddenSheet() throws Exception {
		var response = mvc.get().uri("/people/imports/template.xlsx").session(SignIn.as(mvc, "chengdu")).exchange();
		assertThat(response).hasStatusOk();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getResponse().getContentAsByteArray()))) {
			assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
			assertThat(workbook.isSheetHidden(1)).isTrue();
			assertThat(workbook.getSheetAt(0).getDataValidations()).hasSizeGreaterThanOrEqualTo(9);
			assertThat(workbook.getName("list_ETHNICITY").getRefersToFormula()).endsWith("$56");
		}
	}

	@Test
	void aSavedMappingIsUsedByTheNextImport() throws Exception {
		String name = ImportFiles.name("映射");
		byte[] file = ImportFiles.csv(StandardCharsets.UTF_8, false, List.of("姓名,性别,类别,就职机构", name + ",男,自由职业人员,映射工作室"));
		PeopleImports.ImportJob first = run("chengdu", "m.csv", file, ImportMode.SKIP, true);
		assertThat(first.result().unknownHeaders()).containsExactly("就职机构");
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		assertThat(mvc.post().uri("/people/imports/{id}/mapping", first.job().publicId()).session(chengdu).with(csrf())
			.param("header", "就职机构").param("field", "EMPLOYER")).hasStatus3xxRedirection();

		PeopleImports.ImportJob second = run("chengdu", "m.csv", file, ImportMode.SKIP, false);
		assertThat(second.result().unknownHeaders()).isEmpty();
		assertThat(jdbc.sql("select employer from people_person where name = ?").param(name).query(String.class).single()).isEqualTo("映射工作室");
	}

	java.util.UUID jobId(org.springframework.test.web.servlet.assertj.MvcTestResult result) throws Exception {
		return java.util.UUID.fromString(com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.id"));
	}

	@Test
	void aSheetWhoseGroupColumnIsHeadedDifferentlyIsImported() throws Exception {
		String name = ImportFiles.name("表头");
		byte[] file = ImportFiles.xlsx(List.of("2026年人士名单"), List.of("姓 名（必填）", "性别：", "群体类别", "所在城市"),
				List.of(row(name, "女", "自由职业人员", "成都市")));

		PeopleImports.ImportJob job = run("chengdu", "h.xlsx", file, ImportMode.SKIP, false);

		assertThat(job.job().status()).isEqualTo(JobStatus.SUCCEEDED);
		assertThat(job.result().inserted()).isEqualTo(1);
		assertThat(job.result().mapping()).containsEntry("群体类别", "GROUP").containsEntry("姓 名（必填）", "NAME");
		assertThat(persons(name)).isEqualTo(1);
	}

	@Test
	void theApiTakesAMappingAndItsDryRunAnswersWithTheMappingUsedAndTheHeadersNotUsed() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String name = ImportFiles.name("映射");
		byte[] file = ImportFiles.csv(StandardCharsets.UTF_8, false,
				List.of("姓名,性别,人群,就职机构,备注栏,所在城市", name + ",男,自由职业人员,接口工作室,无,成都市"));

		var submitted = mvc.post().uri("/api/v1/people/imports").session(chengdu).with(csrf())
			.multipart().file(new MockMultipartFile("file", "map.csv", "text/csv", file))
			.param("mode", "skip")
			.param("dryRun", "true")
			.param("mapping", "{\"人群\":\"group\",\"就职机构\":\"EMPLOYER\",\"备注栏\":\"IGNORE\"}")
			.exchange();
		assertThat(submitted).hasStatus(202);
		java.util.UUID id = jobId(submitted);
		signIn.as("chengdu");
		await(id);

		assertThat(mvc.get().uri("/api/v1/people/imports/{id}", id).session(chengdu)).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.mode").isEqualTo("SKIP");
				assertThat(json).extractingPath("$.dryRun").isEqualTo(true);
				assertThat(json).extractingPath("$.counts.inserted").isEqualTo(1);
				assertThat(json).extractingPath("$.counts.failed").isEqualTo(0);
				assertThat(json).extractingPath("$.mapping.人群").isEqualTo("GROUP");
				assertThat(json).extractingPath("$.mapping.就职机构").isEqualTo("EMPLOYER");
				assertThat(json).extractingPath("$.mapping.姓名").isEqualTo("NAME");
				assertThat(json).extractingPath("$.unusedHeaders").asArray().containsExactly("备注栏");
				assertThat(json).extractingPath("$.importForReal").asString().endsWith("/" + id + "/import-for-real");
			});
		assertThat(persons(name)).isZero();
	}

	@Test
	void anInvalidModeOrMappingIsRefusedWithTheValidValues() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		byte[] file = ImportFiles.csv(StandardCharsets.UTF_8, false, List.of("姓名,类别", "某某,自由职业人员"));

		assertThat(mvc.post().uri("/api/v1/people/imports").session(chengdu).with(csrf())
			.multipart().file(new MockMultipartFile("file", "x.csv", "text/csv", file)).param("mode", "merge"))
			.hasStatus(400)
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.code").isEqualTo("import.api.invalidChoice");
				assertThat(json).extractingPath("$.detail").asString().contains("mode").contains("SKIP, UPDATE, FILL_EMPTY");
			});
		assertThat(mvc.post().uri("/api/v1/people/imports").session(chengdu).with(csrf())
			.multipart().file(new MockMultipartFile("file", "x.csv", "text/csv", file))
			.param("mapping", "{\"人群\":\"TRIBE\"}"))
			.hasStatus(400)
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.code").isEqualTo("import.api.mappingField");
				assertThat(json).extractingPath("$.detail").asString().contains("TRIBE").contains("GROUP").contains("IGNORE");
			});
		assertThat(mvc.post().uri("/api/v1/people/imports").session(chengdu).with(csrf())
			.multipart().file(new MockMultipartFile("file", "x.csv", "text/csv", file)).param("mapping", "[1,"))
			.hasStatus(400)
			.bodyJson()
			.extractingPath("$.code")
			.isEqualTo("import.api.mappingMalformed");
	}

	@Test
	void aDryRunShowsItsErrorsMaskedOnThePageAndIsImportedForRealFromTheKeptFile() throws Exception {
		String good = ImportFiles.name("正式");
		String bad = ImportFiles.name("错误");
		String id = ImportFiles.idNumber(LocalDate.of(1981, 8, 9));
		String wrongId = id.substring(0, 17) + (id.endsWith("0") ? "1" : "0");
		byte[] file = ImportFiles.csv(StandardCharsets.UTF_8, false, List.of("姓名,身份证号码,手机号码,群体类别,所在城市",
				good + "," + id + ",13912348832,自由职业人员,成都市",
				bad + "," + wrongId + ",1391234,自由职业人员,成都市"));
		PeopleImports.ImportJob dry = run("chengdu", "dry.csv", file, ImportMode.SKIP, true);
		assertThat(dry.result().failed()).isEqualTo(1);
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");

		var page = mvc.get().uri("/people/imports/{id}", dry.job().publicId()).session(chengdu).exchange();
		assertThat(page).hasStatusOk()
			.bodyText()
			.contains("id=\"import-errors\"", "身份证号码", "校验", "手机号码", "id=\"import-for-real\"")
			.contains("******************")
			.contains("139****1234")
			.doesNotContain(wrongId)
			.doesNotContain("1391234<");
		assertThat(dry.result().errors()).extracting(RowError::row).containsOnly(3);
		Long keptFile = jdbc.sql("select id from platform_job_file where job_id = ? and purpose = 'INPUT'")
			.param(dry.job().id().value()).query(Long.class).single();

		var started = mvc.post().uri("/people/imports/{id}/import-for-real", dry.job().publicId()).session(chengdu)
			.with(csrf())
			.exchange();
		assertThat(started).hasStatus3xxRedirection();
		java.util.UUID realPublicId = java.util.UUID.fromString(started.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
		assertThat(realPublicId).isNotEqualTo(dry.job().publicId());
		signIn.as("chengdu");
		PeopleImports.ImportJob real = await(realPublicId);
		long realId = real.job().id().value();

		assertThat(real.options().dryRun()).isFalse();
		assertThat(real.options().fileName()).isEqualTo("dry.csv");
		assertThat(real.result().inserted()).isEqualTo(1);
		assertThat(real.result().failed()).isEqualTo(1);
		assertThat(persons(good)).isEqualTo(1);
		assertThat(persons(bad)).isZero();
		assertThat(jdbc.sql("select count(*) from platform_job_file where id = ?").param(keptFile).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from platform_job_file where job_id in (?, ?) and purpose = 'INPUT'")
			.params(dry.job().id().value(), realId).query(Long.class).single()).isZero();

		// Once taken, the dry run's file is gone: no second real import from it.
		assertThat(mvc.post().uri("/people/imports/{id}/import-for-real", dry.job().publicId()).session(chengdu)
			.with(csrf())).hasStatus3xxRedirection().redirectedUrl().endsWith("?forRealGone");
		assertThat(mvc.post().uri("/api/v1/people/imports/{id}/import-for-real", dry.job().publicId())
			.session(chengdu).with(csrf())).hasStatus(409).bodyJson().extractingPath("$.code").isEqualTo("import.forReal.gone");
		assertThat(mvc.get().uri("/people/imports/{id}", dry.job().publicId()).session(chengdu)).hasStatusOk()
			.bodyText()
			.doesNotContain("id=\"import-for-real\"");
	}

	/**
	 * The list and an import's page name it by its file and the time it was submitted, not by its sequence
	 * number ("导入 #12" told how many imports the whole system had run), and the list pages on (submitted at,
	 * public id): the "more" link carries no sequence number either. Two imports submitted in the same
	 * microsecond straddle the page boundary, so the public id has to break the tie.
	 */
	@Test
	void theImportListNamesImportsByFileAndTimeAndPagesWithoutSequenceNumbers() throws Exception {
		long unit = jdbc.sql("select id from platform_unit where path = '1.510000.510100'").query(Long.class).single();
		String prefix = "分页" + System.nanoTime() % 100000 + "-";
		Instant base = Instant.parse("2099-01-01T00:00:00Z");
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			// 4 and 5 share their time: one ends page 1, the other starts page 2.
			Instant at = base.plus(Duration.ofMinutes(i == 4 ? 5 : i));
			ids.add(jdbc.sql("""
					insert into platform_job (kind, unit_id, owner, status, parameters, created_at, finished_at)
					values ('people.import', ?, 'chengdu', 'CANCELLED', ?, ?, ?) returning id""")
				.params(unit, "{\"mode\":\"SKIP\",\"dryRun\":false,\"fileName\":\"" + prefix + i + ".csv\"}",
						java.sql.Timestamp.from(at), java.sql.Timestamp.from(at))
				.query(Long.class)
				.single());
		}
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		String first = mvc.get().uri("/people/imports").session(chengdu).exchange().getResponse().getContentAsString();
		java.util.regex.Matcher more = java.util.regex.Pattern.compile("/people/imports\\?(?:page=\\d+&amp;)?before=([^\"&]+)\"").matcher(first);
		assertThat(more.find()).isTrue();
		String cursor = more.group(1);
		assertThat(cursor).matches("\\d+\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
		String second = mvc.get().uri("/people/imports?before={c}", cursor).session(chengdu).exchange().getResponse()
			.getContentAsString();

		List<Integer> onFirst = new ArrayList<>();
		List<Integer> onSecond = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			String file = ">" + prefix + i + ".csv<";
			if (first.contains(file)) {
				onFirst.add(i);
			}
			if (second.contains(file)) {
				onSecond.add(i);
			}
		}
		assertThat(onFirst).hasSize(20).doesNotContainAnyElementsOf(onSecond).contains(24, 6);
		assertThat(onSecond).hasSize(5).contains(0, 3);
		assertThat(onFirst.size() + onSecond.size()).isEqualTo(25);
		for (long id : ids) {
			assertThat(first).doesNotContain(">" + id + "<", "before=" + id + "\"", "导入 #" + id);
			assertThat(second).doesNotContain(">" + id + "<", "before=" + id + "\"", "导入 #" + id);
		}

		java.util.UUID newest = jdbc.sql("select public_id from platform_job where id = ?").param(ids.get(24))
			.query(java.util.UUID.class)
			.single();
		// 2099-01-01T00:24Z is 08:24 in Beijing.
		assertThat(mvc.get().uri("/people/imports/{id}", newest).session(chengdu)).hasStatusOk()
			.bodyText()
			.contains("<title>导入 " + prefix + "24.csv（2099-01-01 08:24 提交）</title>")
			.doesNotContain("导入 #" + ids.get(24), ">" + ids.get(24) + "<");
		jdbc.sql("delete from platform_job where id in (:ids)").param("ids", ids).update();
	}
}
