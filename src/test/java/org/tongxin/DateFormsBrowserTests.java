package org.tongxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Editing a record keeps its dates: for every edit form with a date, a person opens the form in a real browser,
 * changes another field, saves, and the dates are what they were. The browser shows a date input empty when its
 * value is not ISO, and saving then erased the date — in Chinese and in English alike.
 */
class DateFormsBrowserTests extends BrowserTest {

	private static final String CHANGED = "（测试）";

	/**
	 * One edit form: the record it edits (the first with all its dates set), its date columns, and another
	 * field that the person changes.
	 */
	record DateForm(String name, String table, String path, List<String> dateColumns, String otherField,
			String otherColumn, String where) {

		@Override
		public String toString() {
			return name;
		}
	}

	static Stream<DateForm> forms() {
		return Stream.of(
				new DateForm("site", "programme_site", "/programme/sites/%d/edit", List.of("opened_on"), "description",
						"description", "opened_on is not null"),
				new DateForm("project", "programme_project", "/programme/projects/%d/edit",
						List.of("starts_on", "ends_on"), "measures", "measures",
						"starts_on is not null and ends_on is not null"),
				new DateForm("batch", "programme_batch", "/programme/projects/batches/%d/edit",
						List.of("call_opens", "call_closes"), "title", "title",
						"call_opens is not null and call_closes is not null"),
				new DateForm("organisation", "org_organisation", "/organisations/%d/edit", List.of("founded_on"),
						"description", "description", "founded_on is not null"),
				new DateForm("person", "people_person", "/people/%d/edit", List.of("birth_date"), "employer",
						"employer", "birth_date is not null and anonymised_at is null and employer is not null"),
				new DateForm("event", "act_event", "/activities/events/%d/edit",
						List.of("starts_at", "ends_at", "registration_opens", "registration_closes"), "description",
						"description", "starts_at is not null"));
	}

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("formsInBothLanguages")
	void savingAnEditFormKeepsItsDates(DateForm form, String language) throws IOException {
		long id = jdbc.sql("select min(id) from " + form.table() + " where " + form.where()).query(Long.class).single();
		Map<String, Object> before = dates(form, id);

		browser.reset(BrowserSupport.DESKTOP);
		browser.signIn("central", PASSWORD);
		browser.open(form.path().formatted(id) + "?lang=" + language);
		WebElement other = browser.find("#" + form.otherField());
		other.sendKeys(CHANGED);
		WebElement submit = (WebElement) browser.driver()
			.executeScript("return arguments[0].form.querySelector('button[type=submit]');", other);
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", submit);
		browser.screenshot("date-form-" + form.name() + "-" + language);
		submit.click();
		browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/edit")));

		assertThat(jdbc.sql("select " + form.otherColumn() + " from " + form.table() + " where id = ?")
			.param(id)
			.query(String.class)
			.single()).as("the changed field was saved").endsWith(CHANGED);
		assertThat(dates(form, id)).as("dates of the " + form.name() + " after saving in " + language).isEqualTo(before);
		assertThat(browser.consoleErrors()).isEmpty();
	}

	/** The language chosen is kept with the account: leave central in Chinese for the other browser tests. */
	@AfterEach
	void backToChinese() {
		browser.open("/?lang=zh_CN");
	}

	static Stream<Arguments> formsInBothLanguages() {
		return forms().flatMap(form -> Stream.of("zh_CN", "en")
			.map(language -> Arguments.of(form, language)));
	}

	private Map<String, Object> dates(DateForm form, long id) {
		return jdbc.sql("select " + String.join(", ", form.dateColumns()) + " from " + form.table() + " where id = ?")
			.param(id)
			.query()
			.singleRow();
	}
}
