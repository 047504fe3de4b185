package org.tongxin.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * PDF documents from Thymeleaf templates (templates/pdf/…), with a CJK font embedded so that Chinese
 * renders on any reader, whatever fonts its machine has. Only the glyphs used are embedded.
 */
@Component
public class PdfDocuments {

	/** The font family name templates use in their CSS: {@code font-family: "Tongxin CJK"}. */
	public static final String FONT_FAMILY = "Tongxin CJK";

	private static final String FONT = "fonts/DroidSansFallbackFull.ttf";

	private final SpringTemplateEngine templates;

	PdfDocuments(SpringTemplateEngine templates) {
		this.templates = templates;
	}

	public void render(String template, Map<String, Object> model, Locale locale, OutputStream out) {
		String html = templates.process(template, new Context(locale, model));
		// Thymeleaf writes HTML5; the PDF renderer wants a DOM, which jsoup builds from any HTML.
		var document = new W3CDom().fromJsoup(Jsoup.parse(html));
		try {
			new PdfRendererBuilder().useFastMode()
				.useFont(PdfDocuments::font, FONT_FAMILY)
				.withW3cDocument(document, "/")
				.toStream(out)
				.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static InputStream font() {
		try {
			return new ClassPathResource(FONT).getInputStream();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
