package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every form shows a field's label, required mark and messages through fragments/fields.html, so that they
 * look and read the same on every form (and the next form copies the fragment, not a page's markup).
 */
class FormFieldsTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Path FRAGMENT = TEMPLATES.resolve("fragments/fields.html");

	/** Rules over two fields of a form (an @AssertTrue of its record): their message stands below the pair. */
	private static final java.util.Set<String> CROSS_FIELD_RULES = java.util.Set.of("periodInOrder", "callInOrder");

	@Test
	void noTemplateRendersFieldErrorsItself() throws IOException {
		List<String> raw = new ArrayList<>();
		for (Path template : templates()) {
			if (template.equals(FRAGMENT)) {
				continue;
			}
			String text = Files.readString(template, StandardCharsets.UTF_8);
			if (text.contains("th:errors") || text.contains("#fields.errors(")) {
				raw.add(TEMPLATES.relativize(template).toString());
			}
		}
		assertThat(raw).as("templates that render field errors without fragments/fields.html").isEmpty();
		assertThat(Files.readString(FRAGMENT)).contains("th:errors");
	}

	/** A fragment naming a field the form does not bind would never show its message: a silent typo. */
	@Test
	void everyErrorFragmentNamesAFieldOfItsForm() throws IOException {
		Pattern error = Pattern.compile("fields :: error\\('(\\w+)'\\)");
		// A whole field (fields :: text, textArea, dateField, ...) binds its own control: it counts as a field the
		// fragments show. Its errorField, if any, names the rule whose messages stand under it instead.
		Pattern wholeField = Pattern.compile(
				"fields :: (?:text|textArea|dateField|numberField|protectedText|codeSelect|enumSelect)\\((?:name=)?'(\\w+)'");
		Pattern errorField = Pattern.compile("errorField='(\\w+)'");
		List<String> unbound = new ArrayList<>();
		int fragments = 0;
		for (Path template : templates()) {
			if (template.equals(FRAGMENT)) {
				continue; // its examples are no form's fields
			}
			String text = Files.readString(template, StandardCharsets.UTF_8);
			fragments += (int) wholeField.matcher(text).results().count();
			errorField.matcher(text)
				.results()
				.map(r -> r.group(1))
				.filter(field -> !CROSS_FIELD_RULES.contains(field))
				.forEach(field -> unbound.add(TEMPLATES.relativize(template) + ": " + field));
			Matcher m = error.matcher(text);
			while (m.find()) {
				fragments++;
				String field = m.group(1);
				if (!text.contains("*{" + field + "}") && !text.contains("name=\"" + field + "\"")
						&& !CROSS_FIELD_RULES.contains(field)) {
					unbound.add(TEMPLATES.relativize(template) + ": " + field);
				}
			}
		}
		assertThat(fragments).as("fields shown through the fragments").isGreaterThan(100);
		assertThat(unbound).isEmpty();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			return files.filter(path -> path.toString().endsWith(".html")).sorted().toList();
		}
	}
}
