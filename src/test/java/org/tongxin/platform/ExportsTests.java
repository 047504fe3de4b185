package org.tongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.platform.exports.ExportRoutingDataSource;

/**
 * The one export helper: the file is named and headed in the request's language, the rows arrive as written,
 * and the export is on record in the audit log however the caller's transaction ends.
 */
@PlatformTest
class ExportsTests {

	@Autowired
	Exports exports;

	@RegisterExtension
	final ThreadSignIn signIn = new ThreadSignIn();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	@BeforeEach
	void signInCentral() {
		signIn.as("central");
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void anXlsxIsNamedWithTodaysDateAndHeadedInTheRequestsLanguage() throws Exception {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		MockHttpServletResponse response = new MockHttpServletResponse();
		exports.xlsx(response, "site.file", "site.sheet", Exports.columns("site.", "name", "kind"))
			.write(Stream.of(List.of("同心驿站", 3), List.of("会客厅", 4)));

		assertThat(response.getContentType()).isEqualTo(XlsxExport.CONTENT_TYPE);
		String today = LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE);
		assertThat(fileName(response)).isEqualTo("示范点-" + today + ".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
			assertThat(workbook.getSheetName(0)).isEqualTo("示范点");
			assertThat(cells(workbook.getSheetAt(0).getRow(0))).containsExactly("名称", "类型");
			assertThat(cells(workbook.getSheetAt(0).getRow(2))).containsExactly("会客厅", "4.0");
		}

		LocaleContextHolder.setLocale(Locale.ENGLISH);
		MockHttpServletResponse english = new MockHttpServletResponse();
		exports.xlsx(english, "site.file", "site.sheet", Exports.columns("site.", "name", "kind"))
			.of("Wuhan")
			.write(Stream.empty());
		assertThat(fileName(english)).isEqualTo("Wuhan-sites-" + today + ".xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(english.getContentAsByteArray()))) {
			assertThat(cells(workbook.getSheetAt(0).getRow(0))).containsExactly("Name", "Kind");
		}
	}

	@Test
	void aCsvHasAByteOrderMarkQuotedCellsAndNoRunnableFormulas() throws Exception {
		LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
		MockHttpServletResponse response = new MockHttpServletResponse();
		List<Object> row = new ArrayList<>(Arrays.asList("=HYPERLINK(\"x\")", "说\"好\"", null, 12));
		exports.csv(response, "site.file", Exports.columns("site.", "name", "kind", "place", "address"))
			.write(Stream.of(row));

		assertThat(response.getContentType()).startsWith("text/csv");
		assertThat(fileName(response)).endsWith(".csv");
		String body = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
		assertThat(body).startsWith("\uFEFF\"名称\",\"类型\"");
		assertThat(body).endsWith("\"'=HYPERLINK(\"\"x\"\")\",\"说\"\"好\"\"\",\"\",\"12\"\r\n");
	}

	@Test
	void theExportStaysOnRecordWhenTheCallersReadOnlyTransactionRollsBack() throws Exception {
		long before = exportsRecorded();
		TransactionTemplate readOnly = new TransactionTemplate(transactions);
		readOnly.setReadOnly(true);
		// Inside an export the thread takes its connections from the export pool; the record takes one of the main
		// pool's, in a transaction of its own that commits before the caller's ends.
		ExportRoutingDataSource.onExportPool(() -> readOnly.execute(status -> {
			exports.record("exports-test", 7, Map.of("rows", 2));
			status.setRollbackOnly();
			return null;
		}));

		assertThat(exportsRecorded()).isEqualTo(before + 1);
		assertThat(jdbc.sql("""
				select actor || ' ' || object_id || ' ' || (detail::jsonb ->> 'rows') from platform_audit_log
				where action = 'EXPORT' and object_type = 'exports-test' order by id desc limit 1""")
			.query(String.class)
			.single()).isEqualTo("central 7 2");
	}

	@Test
	void aDownloadIsRecordedWhenItIsAuditedBeforeAnyRowIsWritten() {
		long before = exportsRecorded();
		exports.xlsx(new MockHttpServletResponse(), "site.file", "site.sheet", List.of())
			.audited("exports-test", null, Map.of("rows", 0));
		assertThat(exportsRecorded()).isEqualTo(before + 1);
	}

	private long exportsRecorded() {
		return jdbc.sql("select count(*) from platform_audit_log where action = 'EXPORT' and object_type = 'exports-test'")
			.query(Long.class)
			.single();
	}

	private static String fileName(MockHttpServletResponse response) {
		String disposition = response.getHeader("Content-Disposition");
		assertThat(disposition).startsWith("attachment; filename=\"export.");
		return URLDecoder.decode(disposition.substring(disposition.indexOf("''") + 2), StandardCharsets.UTF_8);
	}

	private static List<String> cells(Row row) {
		List<String> values = new ArrayList<>();
		for (Cell cell : row) {
			values.add(cell.toString());
		}
		return values;
	}
}
