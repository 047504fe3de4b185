package org.tongxin.platform.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularFilesTests {

	static final HeaderMapping PEOPLE = new HeaderMapping(Map.of("name", List.of("姓名"), "mobile",
			List.of("手机", "手机号", "手机号码", "联系电话"), "idNumber", List.of("身份证号", "公民身份号码"), "birthDate",
			List.of("出生日期")));

	@TempDir
	Path dir;

	static List<SheetRow> read(Path file) throws Exception {
		List<SheetRow> rows = new ArrayList<>();
		TabularFiles.read(file, rows::add);
		return rows;
	}

	@Test
	void readsAnXlsxBelowItsMergedTitleWithDatesAsIsoAndGapsFilled() throws Exception {
		Path file = dir.resolve("名单.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			XSSFSheet sheet = workbook.createSheet("名单");
			sheet.createRow(0).createCell(0).setCellValue("成都市新的社会阶层人士名单（2018年）");
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 3));
			Row header = sheet.createRow(2);
			header.createCell(0).setCellValue("姓名");
			header.createCell(1).setCellValue("手机号码（必填）");
			header.createCell(2).setCellValue("身份证号");
			header.createCell(3).setCellValue("出生日期");
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
			Row person = sheet.createRow(3);
			person.createCell(0).setCellValue("欧阳娜娜");
			person.createCell(2).setCellValue(110105198503050021d);
			person.createCell(3).setCellValue(LocalDate.of(1985, 3, 5));
			person.getCell(3).setCellStyle(date);
			workbook.write(out);
		}

		List<SheetRow> rows = read(file);

		HeaderMapping.Located header = PEOPLE.locate(rows, 2).orElseThrow();
		assertThat(header.headerRow()).isEqualTo(3);
		assertThat(header.columns()).containsEntry("name", 0).containsEntry("mobile", 1).containsEntry("birthDate", 3);
		SheetRow person = rows.get(rows.size() - 1);
		assertThat(person.number()).isEqualTo(4);
		assertThat(person.cell(0)).isEqualTo("欧阳娜娜");
		assertThat(person.cell(1)).isEmpty();
		assertThat(CellValues.idNumber(person.cell(2))).isEqualTo(CellValues.Cleaned.invalid("tabular.id.scientific"));
		assertThat(person.cell(3)).isEqualTo("1985-03-05");
	}

	@Test
	void readsUtf8CsvWithAndWithoutBom() throws Exception {
		String csv = "姓名,手机\n张伟,13812345678\n\n李娜,\"139 0000 0000\"\n";
		Path plain = dir.resolve("plain.csv");
		Files.writeString(plain, csv, StandardCharsets.UTF_8);
		Path bom = dir.resolve("bom.csv");
		Files.write(bom, concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, csv.getBytes(StandardCharsets.UTF_8)));

		for (Path file : List.of(plain, bom)) {
			List<SheetRow> rows = read(file);
			assertThat(rows.get(0).cells()).containsExactly("姓名", "手机");
			assertThat(rows.get(1).cells()).containsExactly("张伟", "13812345678");
			assertThat(rows.get(2).blank()).isTrue();
			assertThat(rows.get(3).number()).isEqualTo(4);
			assertThat(rows.get(3).cell(1)).isEqualTo("139 0000 0000");
		}
	}

	@Test
	void detectsGb18030() throws Exception {
		Path file = dir.resolve("gbk.csv");
		Files.write(file, "姓名,联系电话\n欧阳娜娜,13812345678\n".getBytes(TabularFiles.GB18030));
		List<SheetRow> rows = read(file);
		assertThat(rows.get(1).cell(0)).isEqualTo("欧阳娜娜");
		assertThat(PEOPLE.locate(rows, 2).orElseThrow().columns()).containsEntry("mobile", 1);
	}

	@Test
	void aUtf8SampleCutInsideACharacterIsStillUtf8() {
		byte[] text = "同心同德".getBytes(StandardCharsets.UTF_8);
		byte[] cut = java.util.Arrays.copyOf(text, text.length - 1);
		assertThat(TabularFiles.charsetOf(cut)).isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void aDamagedXlsxIsReportedNotCrashedOn() throws Exception {
		Path file = dir.resolve("damaged.xlsx");
		Files.write(file, concat(new byte[] { 'P', 'K', 3, 4 }, new byte[200]));
		assertThatExceptionOfType(TabularFiles.UnreadableFile.class).isThrownBy(() -> read(file));
	}

	@Test
	void savedMappingsWinOverTheDefaults() {
		HeaderMapping mapping = PEOPLE.with(Map.of("本人电话", "mobile"));
		SheetRow header = new SheetRow(1, List.of("姓名", "本人电话"));
		assertThat(mapping.locate(List.of(header), 2).orElseThrow().columns()).containsEntry("mobile", 1);
		assertThat(PEOPLE.locate(List.of(header), 2)).isEmpty();
	}

	static byte[] concat(byte[] a, byte[] b) {
		byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}
}
