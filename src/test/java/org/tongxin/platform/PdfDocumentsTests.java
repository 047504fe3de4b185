package org.tongxin.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformTest
class PdfDocumentsTests {

	@Autowired
	PdfDocuments pdf;

	@Test
	void chineseTextRendersAndCanBeExtractedAgain() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		pdf.render("pdf/sample", Map.of("title", "新的社会阶层人士统战工作实践创新基地建设中期推动会",
				"lines", List.of("成都“同心家园”：28 家社会组织", "杭州网络作家村", "武汉汉阳“1+3+M+N”")), Locale.SIMPLIFIED_CHINESE,
				out);

		try (PDDocument document = Loader.loadPDF(out.toByteArray())) {
			// Long titles wrap; the text stripper gives the line break back.
			String text = new PDFTextStripper().getText(document).replaceAll("\\R", "");
			assertThat(text).contains("实践创新基地建设中期推动会").contains("同心家园").contains("网络作家村").contains("1+3+M+N");
			assertThat(document.getPage(0).getResources().getFontNames()).isNotEmpty();
		}
		// The 4 MB font is subset: only the glyphs used travel with the document.
		assertThat(out.size()).isLessThan(400_000);
	}
}
