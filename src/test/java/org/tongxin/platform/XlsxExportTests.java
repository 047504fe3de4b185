package org.tongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * The workbook of an export: beyond the rows one sheet holds, the rows go on on the next sheet, under the same
 * frozen header, in order, none lost. The per-sheet limit is lowered here; the real one is the .xlsx format's.
 */
class XlsxExportTests {

	static final List<String> HEADERS = List.of("编号", "姓名");

	@Test
	void theLimitIsTheFormatsRowsLessTheHeader() {
		assertThat(XlsxExport.ROWS_PER_SHEET).isEqualTo(1_048_575);
	}

	@Test
	void rowsBeyondTheSheetLimitContinueOnFurtherSheetsEachWithTheFrozenHeader() throws IOException {
		try (XSSFWorkbook workbook = write("人士名单", 25, 10)) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(3);
			assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2)))
				.containsExactly("人士名单", "人士名单 (2)", "人士名单 (3)");
			List<String> ids = new ArrayList<>();
			for (Sheet sheet : workbook) {
				assertThat(values(sheet.getRow(0))).as(sheet.getSheetName()).isEqualTo(HEADERS);
				assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
				PaneInformation pane = sheet.getPaneInformation();
				assertThat(pane != null && pane.isFreezePane() && pane.getHorizontalSplitPosition() == 1)
					.as(sheet.getSheetName() + " header frozen").isTrue();
				assertThat(sheet.getLastRowNum()).as(sheet.getSheetName()).isLessThanOrEqualTo(10);
				for (int r = 1; r <= sheet.getLastRowNum(); r++) {
					ids.add(values(sheet.getRow(r)).get(0));
				}
			}
			assertThat(ids).containsExactlyElementsOf(IntStream.range(0, 25).mapToObj(i -> "p" + i).toList());
		}
	}

	@Test
	void aFullLastSheetStartsNoEmptyOne() throws IOException {
		try (XSSFWorkbook workbook = write("名单", 20, 10)) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
			assertThat(workbook.getSheetAt(1).getLastRowNum()).isEqualTo(10);
		}
	}

	@Test
	void anEmptyExportIsOneSheetWithItsHeader() throws IOException {
		try (XSSFWorkbook workbook = write("名单", 0, 10)) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
			assertThat(values(workbook.getSheetAt(0).getRow(0))).isEqualTo(HEADERS);
		}
	}

	@Test
	void aLongSheetNameKeepsItsNumberWithinTheThirtyOneCharacters() throws IOException {
		String name = "一".repeat(31);
		try (XSSFWorkbook workbook = write(name, 3, 1)) {
			assertThat(workbook.getSheetName(0)).isEqualTo(name);
			assertThat(workbook.getSheetName(1)).hasSize(31).endsWith(" (2)");
			assertThat(workbook.getSheetName(2)).hasSize(31).endsWith(" (3)");
		}
	}

	static XSSFWorkbook write(String sheetName, int rows, int rowsPerSheet) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Stream<List<?>> values = IntStream.range(0, rows).mapToObj(i -> List.of("p" + i, "人士" + i));
		XlsxExport.write(out, sheetName, HEADERS, values, rowsPerSheet);
		return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
	}

	static List<String> values(Row row) {
		List<String> values = new ArrayList<>();
		row.forEach(cell -> values.add(cell.getStringCellValue()));
		return values;
	}
}
