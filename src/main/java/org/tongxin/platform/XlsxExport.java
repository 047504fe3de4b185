package org.tongxin.platform;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The .xlsx writer under {@link Exports}. Streams rows through POI's SXSSF window, so memory stays flat
 * however many rows the (already scoped) query yields. {@link #prepare} is for files that are sent as stored
 * (import templates and error reports); lists are exported through {@link Exports}.
 */
public final class XlsxExport {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** Data rows on one sheet: the .xlsx format's 1,048,576 rows, less the header row. */
	public static final int ROWS_PER_SHEET = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

	private static final int MAX_SHEET_NAME = 31;

	private static final int WINDOW = 200;

	static {
		// POI keeps SXSSF rows in java.io.tmpdir/poifiles, one directory for every user of the machine:
		// whoever creates it first owns it and everyone else's exports fail. Tongxin uses its own.
		File directory = new File(System.getProperty("java.io.tmpdir"), "tongxin-poi-" + System.getProperty("user.name"));
		TempFile.setTempFileCreationStrategy(new DefaultTempFileCreationStrategy(directory));
	}

	private XlsxExport() {
	}

	/**
	 * Receives the rows of a scoped query while its transaction is still open, so that a database
	 * cursor can feed the workbook row by row.
	 */
	@FunctionalInterface
	public interface Sink<T> {

		void accept(Stream<T> rows) throws IOException;
	}

	/**
	 * Sets the download headers: "<name>-<date>.xlsx", with the Chinese name encoded per RFC 5987. The date is
	 * today in the application's zone (the clock's), not the server's.
	 */
	public static void prepare(HttpServletResponse response, String baseName, Clock clock) {
		String fileName = baseName + "-" + LocalDate.now(clock).format(DateTimeFormatter.BASIC_ISO_DATE) + ".xlsx";
		response.setContentType(CONTENT_TYPE);
		response.setHeader("Content-Disposition", Exports.attachment(fileName));
	}

	/**
	 * Writes the rows under a bold, frozen header row. Beyond {@link #ROWS_PER_SHEET} rows (the .xlsx limit) the
	 * rows continue on "<sheet> (2)", "<sheet> (3)"…, each with the header again, so that no export of a large
	 * registry fails at the limit.
	 */
	public static void write(OutputStream out, String sheetName, List<String> headers, Stream<List<?>> rows)
			throws IOException {
		write(out, sheetName, headers, rows, ROWS_PER_SHEET);
	}

	static void write(OutputStream out, String sheetName, List<String> headers, Stream<List<?>> rows, int rowsPerSheet)
			throws IOException {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW)) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			SXSSFSheet[] sheet = { sheet(workbook, sheetName, 1, headers, bold) };
			int[] index = { 1 };
			rows.forEach(values -> {
				if (index[0] > rowsPerSheet) {
					sheet[0] = sheet(workbook, sheetName, workbook.getNumberOfSheets() + 1, headers, bold);
					index[0] = 1;
				}
				Row row = sheet[0].createRow(index[0]++);
				for (int i = 0; i < values.size(); i++) {
					Object value = values.get(i);
					if (value instanceof Number number) {
						row.createCell(i).setCellValue(number.doubleValue());
					}
					else if (value != null) {
						row.createCell(i).setCellValue(value.toString());
					}
				}
			});
			workbook.write(out);
		}
	}

	/** The n-th sheet of an export: its name (with " (n)" from the second on) and the header row, frozen. */
	private static SXSSFSheet sheet(SXSSFWorkbook workbook, String baseName, int number, List<String> headers,
			CellStyle bold) {
		String suffix = number == 1 ? "" : " (" + number + ")";
		// Sheet names have at most 31 characters: the number must survive the cut, or two sheets get one name.
		String base = WorkbookUtil.createSafeSheetName(baseName);
		String name = base.substring(0, Math.min(base.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
		SXSSFSheet sheet = workbook.createSheet(name);
		Row head = sheet.createRow(0);
		for (int i = 0; i < headers.size(); i++) {
			head.createCell(i).setCellValue(headers.get(i));
			head.getCell(i).setCellStyle(bold);
			sheet.setColumnWidth(i, Math.max(10, headers.get(i).length() * 3) * 256);
		}
		sheet.createFreezePane(0, 1);
		return sheet;
	}
}
