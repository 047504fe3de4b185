package org.tongxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The long pickers are searchable (the shared js/pickers.js on every {@code select[data-searchable]}): the
 * centre finds 成都 among the 340 cities of the people list's place filter by typing it, and the unit picker's
 * city, chosen the same way, still brings that city's districts (the htmx swap hears the change).
 */
class SearchablePickerBrowserTests extends BrowserTest {

	@Test
	void theCentreFindsACityByTypingAndTheListIsFilteredByIt() throws IOException {
		browser.reset(BrowserSupport.DESKTOP);
		browser.signIn("central", "Tongxin@2018");
		browser.open("/people");
		int cities = new Select(browser.find("#f-unit")).getOptions().size() - 1;
		assertThat(cities).as("cities in the place filter").isGreaterThan(300);

		List<String> matches = type("f-unit", "成都", "成都市");
		assertThat(matches).containsExactly("成都市");
		browser.screenshot("picker-01-people-place");
		browser.find("#f-unit-ts-control").sendKeys(Keys.ENTER);
		assertThat(new Select(browser.find("#f-unit")).getFirstSelectedOption().getText()).isEqualTo("成都市");

		browser.find("#f-unit").submit();
		browser.waiting().until(ExpectedConditions.urlContains("unit=510100"));
		List<String> places = browser.findAll("table tbody tr td:nth-child(6)").stream().map(WebElement::getText).toList();
		assertThat(places).isNotEmpty().allSatisfy(place -> assertThat(place).contains("成都市"));
		assertThat(browser.consoleErrors()).isEmpty();
	}

	/**
	 * Types into the searchable select {@code id} and waits until the dropdown's first match is {@code first}
	 * (the options are drawn again at every key); the matches then shown.
	 */
	private List<String> type(String id, String text, String first) {
		browser.find("#" + id + "-ts-control").click();
		browser.find("#" + id + "-ts-control").sendKeys(text);
		By options = By.cssSelector("#" + id + "-ts-dropdown .option");
		browser.waiting().ignoring(StaleElementReferenceException.class).until(driver -> {
			List<WebElement> shown = driver.findElements(options);
			return !shown.isEmpty() && shown.getFirst().getText().equals(first);
		});
		return browser.waiting().ignoring(StaleElementReferenceException.class)
			.until(driver -> driver.findElements(options).stream().map(WebElement::getText).toList());
	}

	@Test
	void aCityChosenByTypingBringsItsDistrictsIntoTheUnitPicker() throws IOException {
		browser.reset(BrowserSupport.DESKTOP);
		browser.signIn("central", "Tongxin@2018");
		browser.open("/organisations/new");
		assertThat(type("city", "杭州", "杭州市")).containsExactly("杭州市");
		browser.find("#city-ts-control").sendKeys(Keys.ENTER);

		browser.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("unit"), "上城区"));
		browser.screenshot("picker-02-unit-after-city");
		assertThat(browser.consoleErrors()).isEmpty();
	}
}
