package org.tongxin.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.tongxin.projects.internal.EvidenceTypes.Refusal;
import org.tongxin.projects.internal.EvidenceTypes;

/** Evidence is recognised by its bytes: the name only has to agree with them. */
class EvidenceTypesTests {

	@Test
	void anExecutableCalledPdfIsRefused() {
		assertThat(EvidenceTypes.check("活动照片.pdf", ProjectFixtures.ELF).refusal()).contains(Refusal.NOT_ALLOWED);
		assertThat(EvidenceTypes.check("总结.pdf", ProjectFixtures.MZ).refusal()).contains(Refusal.NOT_ALLOWED);
		assertThat(EvidenceTypes.check("总结.exe", ProjectFixtures.MZ).refusal()).contains(Refusal.NOT_ALLOWED);
	}

	@Test
	void aRealPdfIsAcceptedAsPdf() {
		assertThat(EvidenceTypes.check("总结.PDF", ProjectFixtures.PDF).contentType()).contains("application/pdf");
	}

	@Test
	void imagesAreRecognisedByTheirSignature() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D };
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10 };
		byte[] gif = "GIF89a....".getBytes();
		assertThat(EvidenceTypes.check("a.png", png).contentType()).contains("image/png");
		assertThat(EvidenceTypes.check("a.jpg", jpeg).contentType()).contains("image/jpeg");
		assertThat(EvidenceTypes.check("a.gif", gif).contentType()).contains("image/gif");
		assertThat(EvidenceTypes.check("a.pdf", png).refusal()).contains(Refusal.MISMATCH);
	}

	@Test
	void officeOpenXmlIsTellApartByItsParts() throws IOException {
		byte[] docx = ProjectFixtures.docx();
		assertThat(EvidenceTypes.check("签到表.docx", docx).contentType()).hasValueSatisfying(
				type -> assertThat(type).endsWith("wordprocessingml.document"));
		assertThat(EvidenceTypes.check("签到表.xlsx", docx).refusal()).contains(Refusal.MISMATCH);
		byte[] xlsx;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.createSheet("统计");
			workbook.write(out);
			xlsx = out.toByteArray();
		}
		assertThat(EvidenceTypes.check("统计.xlsx", xlsx).contentType()).hasValueSatisfying(
				type -> assertThat(type).endsWith("spreadsheetml.sheet"));
	}

	@Test
	void aPlainZipOrAJarIsNotAnOfficeFile() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("META-INF/MANIFEST.MF"));
			zip.write("Main-Class: Evil\n".getBytes());
			zip.closeEntry();
		}
		assertThat(EvidenceTypes.check("报告.docx", bytes.toByteArray()).refusal()).contains(Refusal.NOT_ALLOWED);
	}

	@Test
	void legacyOfficeNeedsALegacyOfficeName() {
		byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0 };
		assertThat(EvidenceTypes.check("旧报表.xls", ole2).contentType()).contains("application/vnd.ms-excel");
		assertThat(EvidenceTypes.check("旧报表.pdf", ole2).refusal()).contains(Refusal.MISMATCH);
	}

	@Test
	void emptyAndOversizedFilesAreRefused() {
		assertThat(EvidenceTypes.check("a.pdf", new byte[0]).refusal()).contains(Refusal.EMPTY);
		byte[] big = new byte[(int) EvidenceTypes.MAX_BYTES + 1];
		System.arraycopy(ProjectFixtures.PDF, 0, big, 0, ProjectFixtures.PDF.length);
		assertThat(EvidenceTypes.check("a.pdf", big).refusal()).contains(Refusal.TOO_LARGE);
	}
}
