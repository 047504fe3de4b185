package org.tongxin.projects;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demo projects by carrier, and evidence files real and fake. */
final class ProjectFixtures {

	static final String CHENGDU = "同心家园";

	static final String SHENZHEN = "园区示范点";

	static final String YUZHONG = "U创空间";

	static final String TIANJIN = "心·家园";

	static final byte[] PDF = """
			%PDF-1.4
			1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
			2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
			trailer << /Root 1 0 R >>
			%%EOF
			""".getBytes(StandardCharsets.US_ASCII);

	/** The start of a Linux executable. */
	static final byte[] ELF = { 0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0 };

	/** The start of a Windows executable. */
	static final byte[] MZ = { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0 };

	private ProjectFixtures() {
	}

	static long project(JdbcClient jdbc, String carrier) {
		return jdbc.sql("select id from programme_project where carrier = ?").param(carrier).query(Long.class).single();
	}

	static byte[] docx() throws IOException {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			document.createParagraph().createRun().setText("活动签到表");
			document.write(out);
			return out.toByteArray();
		}
	}
}
