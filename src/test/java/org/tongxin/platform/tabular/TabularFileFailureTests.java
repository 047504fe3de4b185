package org.tongxin.platform.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure while reading tells apart the file (damaged, hostile: "unreadable") from the consumer of its rows
 * (a missing column, a cancelled job): the consumer's exception comes out as itself.
 */
class TabularFileFailureTests {

	@TempDir
	Path dir;

	static class RefusedRow extends RuntimeException {

		RefusedRow(String message) {
			super(message);
		}
	}

	Path xlsx(String... names) throws Exception {
		Path file = dir.resolve("名单.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			XSSFSheet sheet = workbook.createSheet("名单");
			for (int i = 0; i < names.length; i++) {
				Row row = sheet.createRow(i);
				row.createCell(0).setCellValue(names[i]);
			}
			workbook.write(out);
		}
		return file;
	}

	@Test
	void anExceptionOfTheRowConsumerInAnXlsxSurfacesAsItselfNotAsAnUnreadableFile() throws Exception {
		Path file = xlsx("类型", "张伟", "李娜");
		RefusedRow refused = new RefusedRow("import.error.groupColumn");
		List<SheetRow> seen = new ArrayList<>();

		assertThatThrownBy(() -> TabularFiles.read(file, row -> {
			seen.add(row);
			if (row.number() == 2) {
				throw refused;
			}
		})).isSameAs(refused);
		assertThat(seen).hasSize(2);
	}

	@Test
	void anExceptionOfTheRowConsumerInACsvSurfacesAsItself() throws Exception {
		Path file = dir.resolve("名单.csv");
		Files.writeString(file, "类型\n张伟\n", StandardCharsets.UTF_8);
		RefusedRow refused = new RefusedRow("import.error.groupColumn");

		assertThatThrownBy(() -> TabularFiles.read(file, row -> {
			throw refused;
		})).isSameAs(refused);
	}

	@Test
	void aDamagedXlsxIsUnreadableWithoutTheLibrarysTextInTheMessage() throws Exception {
		Path file = dir.resolve("坏的.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			zip.write("<worksheet>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}

		assertThatThrownBy(() -> TabularFiles.read(file, row -> {
		})).isInstanceOf(TabularFiles.UnreadableFile.class).hasCauseInstanceOf(Exception.class);
	}

	@Test
	void aZipBombIsAnUnreadableFileNotARawIoException() throws Exception {
		// One sheet of a million identical characters compresses far beyond POI's inflate-ratio limit.
		Path file = dir.resolve("bomb.xlsx");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
					+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>" + " ".repeat(2_000_000) + "</Types>")
				.getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}

		assertThatThrownBy(() -> TabularFiles.read(file, row -> {
		})).isInstanceOf(TabularFiles.UnreadableFile.class)
			// It is POI's zip-bomb check that refused the file; its text stays in the cause, for the log only.
			.satisfies(e -> assertThat(causes(e)).contains("Zip bomb"))
			.message()
			.doesNotContain("Zip bomb");
	}

	static String causes(Throwable e) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
			text.append(cause).append('\n');
		}
		return text.toString();
	}
}
