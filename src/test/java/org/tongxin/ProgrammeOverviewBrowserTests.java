package org.tongxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The programme overview as a person sees it: the whole application on a random port with the demo data,
 * a real headless Chromium, the real login form. Screenshots of each step land in target/screenshots.
 */
class ProgrammeOverviewBrowserTests extends BrowserTest {

	@Test
	void centralOfficeSeesAllCitiesAndFullCoverageInBothLanguages() throws IOException {
		browser.reset(BrowserSupport.DESKTOP);
		browser.screenshot("01-login");
		browser.signIn("central", PASSWORD);

		browser.open("/programme");
		assertThat(browser.find("#count-total").getText()).isEqualTo("49");
		assertThat(browser.findAll("#cities-table tbody tr")).hasSize(49);
		assertThat(browser.find("#coverage-verdict").getText()).contains("涵盖了全部省会城市、副省级城市");
		assertThat(browser.find("#coverage-capitals").getText()).isEqualTo("27 / 27");
		assertThat(browser.find("#coverage-subProvincial").getText()).isEqualTo("15 / 15");
		browser.screenshot("02-programme-zh");

		browser.find("#lang-en").click();
		browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Programme overview"));
		assertThat(browser.find("#coverage-verdict").getText()).contains("cover every provincial capital");
		assertThat(browser.findAll("#cities-table tbody tr")).hasSize(49);
		browser.screenshot("03-programme-en");

		assertThat(browser.consoleErrors()).isEmpty();
	}

	// A different account from the test above: the language chosen there is stored on the account.
	@Test
	void onAPhoneTheKeyboardSignsInAndTheMenuButtonOpensTheSidebar() throws IOException {
		browser.reset(BrowserSupport.PHONE);
		browser.open("/login");
		WebElement username = browser.find("#username");
		assertThat(browser.driver().switchTo().activeElement()).isEqualTo(username);
		username.sendKeys("chengdu", Keys.TAB);
		assertThat(browser.driver().switchTo().activeElement()).isEqualTo(browser.find("#password"));
		browser.driver().switchTo().activeElement().sendKeys(PASSWORD);
		browser.screenshot("04-phone-login");
		browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
		browser.waitUntilLeftLogin();

		WebElement toggle = browser.find(".nav-toggle");
		WebElement sidebar = browser.find("#sidebar");
		assertThat(toggle.isDisplayed()).isTrue();
		assertThat(sidebar.isDisplayed()).isFalse();
		browser.screenshot("05-phone-menu-closed");

		toggle.click();
		browser.waiting().until(ExpectedConditions.visibilityOf(sidebar));
		assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
		browser.screenshot("06-phone-menu-open");

		assertThat(browser.consoleErrors()).isEmpty();
	}
}
