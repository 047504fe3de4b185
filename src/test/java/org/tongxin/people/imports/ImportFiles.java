package org.tongxin.people.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tongxin.people.IdNumber;

/** Spreadsheets as people really send them, built with POI, and the error report read back. */
final class ImportFiles {

	private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 400));

	private ImportFiles() {
	}

	/** A valid ID number of a man (odd sequence) that no other test uses. */
	static String idNumber(LocalDate birth) {
		return IdNumber.of("510104", birth, 501 + 2 * (SEQUENCE.incrementAndGet() % 249)).value();
	}

	/** A valid ID number ending in X. */
	static String idNumberWithX(LocalDate birth) {
		for (int i = 0; i < 1000; i++) {
			String id = IdNumber.of("510107", birth, 500 + SEQUENCE.incrementAndGet() % 499).value();
			if (id.endsWith("X")) {
				return id;
			}
		}
		throw new IllegalStateException("no X");
	}

	/** A unique person name of 3–4 characters plus a tag: 导入 + three letters of a counter. */
	static String name(String base) {
		int n = SEQUENCE.incrementAndGet();
		return base + (char) ('甲' + n % 20) + (char) ('乙' + n / 20 % 20) + (char) ('丙' + n / 400 % 20);
	}

	/** A workbook: optional title rows (the first merged across the header), then header and rows. */
	static byte[] xlsx(List<String> titles, List<String> header, List<List<Object>> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("名单");
			int r = 0;
			for (String title : titles) {
				sheet.createRow(r).createCell(0).setCellValue(title);
				sheet.addMergedRegion(new CellRangeAddress(r, r, 0, header.size() - 1));
				r++;
			}
			Row head = sheet.createRow(r++);
			for (int i = 0; i < header.size(); i++) {
				head.createCell(i).setCellValue(header.get(i));
			}
			for (List<Object> values : rows) {
				Row row = sheet.createRow(r++);
				for (int i = 0; i < values.size(); i++) {
					Object v = values.get(i);
					if (v instanceof Number n) {
						row.createCell(i).setCellValue(n.doubleValue());
					}
					else if (v instanceof LocalDate d) {
						Cell cell = row.createCell(i);
						cell.setCellValue(d);
						var style = workbook.createCellStyle();
						style.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
						cell.setCellStyle(style);
					}
					else if (v != null) {
						row.createCell(i).setCellValue(v.toString());
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
	}

	static byte[] csv(Charset charset, boolean bom, List<String> lines) {
		byte[] body = String.join("\r\n", lines).getBytes(charset);
		if (!bom) {
			return body;
		}
		byte[] withBom = new byte[body.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(body, 0, withBom, 3, body.length);
		return withBom;
	}

	/** The first sheet's rows below the header, as text. */
	/** Waits (60 s at most) until the import {@code id} has ended, as its submitter sees it. */
	static PeopleImports.ImportJob await(PeopleImports imports, java.util.UUID id) throws InterruptedException {
		java.time.Instant deadline = java.time.Instant.now().plus(java.time.Duration.ofSeconds(60));
		while (java.time.Instant.now().isBefore(deadline)) {
			PeopleImports.ImportJob job = imports.find(id).orElseThrow();
			if (job.job().status().finished()) {
				return job;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import " + id + " did not finish");
	}

	static List<List<String>> read(InputStream xlsx) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		DataFormatter formatter = new DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(xlsx)) {
			Sheet sheet = workbook.getSheetAt(0);
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < 4; c++) {
					cells.add(formatter.formatCellValue(sheet.getRow(r).getCell(c)));
				}
				rows.add(cells);
			}
		}
		return rows;
	}
}
