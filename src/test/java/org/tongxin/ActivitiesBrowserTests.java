package org.tongxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * An event from the form to the door: staff create it, register two people found by name, check one of
 * them in on a phone with the code of their ticket, and see an attendance rate of 50 %; then check the other in
 * from the door's list and take it back.
 */
class ActivitiesBrowserTests extends BrowserTest {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@Test
	void createRegisterTwoCheckInOneOnAPhoneAndSeeHalfAttended() throws IOException {
		browser.reset(BrowserSupport.DESKTOP);
		browser.signIn("chengdu", PASSWORD);

		browser.open("/activities/events/new");
		LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
		browser.find("#title").sendKeys("浏览器测试：青年创业沙龙");
		new Select(browser.find("#kind")).selectByValue("NETWORKING");
		setValue("#startsAt", now.minusHours(1).format(LOCAL));
		setValue("#endsAt", now.plusHours(2).format(LOCAL));
		browser.find("#capacity").sendKeys("20");
		browser.find("#address").sendKeys("成都市芳草社区同心家园");
		browser.screenshot("activities-01-new-event");
		browser.find("#event-form").submit();
		browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "浏览器测试：青年创业沙龙"));
		String eventPath = browser.currentPath().replaceAll("\\?.*", "");

		register("王");
		register("李");
		assertThat(browser.findAll("#registrations-table tbody tr")).hasSize(2);
		assertThat(browser.find("#registered-count").getText()).isEqualTo("2 / 20");
		browser.screenshot("activities-02-two-registered");

		browser.driver().get(browser.find("#registrations-table tbody tr:first-child a[href$='/ticket']").getAttribute("href"));
		String code = browser.find("#ticket-code").getText().strip();
		assertThat(code).matches("[A-Z2-7]{26}");
		assertThat(browser.find("img.qr").getAttribute("naturalWidth")).isNotEqualTo("0");
		browser.screenshot("activities-03-ticket");

		browser.driver().manage().window().setSize(BrowserSupport.PHONE);
		browser.open(eventPath + "/checkin");
		WebElement input = browser.find("#code");
		assertThat(browser.driver().switchTo().activeElement()).isEqualTo(input);
		input.sendKeys(code);
		browser.find("#checkin-submit").click();
		browser.waiting()
			.until(ExpectedConditions.attributeToBe(By.id("checkin-result"), "data-outcome", "CHECKED_IN"));
		assertThat(browser.find("#checkin-counts").getText()).isEqualTo("已签到 1 / 已报名 2");
		browser.screenshot("activities-04-phone-checkin");

		// The same ticket again, through the camera: a phone browser that decodes QR codes (simulated here:
		// headless Chromium on Linux has neither a camera nor BarcodeDetector) fills in the code and submits.
		browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
				window.BarcodeDetector = class { async detect() { return [{ rawValue: '%s' }]; } };
				navigator.mediaDevices.getUserMedia = async () => {
				  const canvas = document.createElement('canvas');
				  canvas.width = 64; canvas.height = 64;
				  canvas.getContext('2d').fillRect(0, 0, 64, 64);
				  return canvas.captureStream(5);
				};""".formatted(code)));
		browser.open(eventPath + "/checkin");
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("scan-start"))).click();
		browser.waiting()
			.until(ExpectedConditions.attributeToBe(By.id("checkin-result"), "data-outcome", "ALREADY_CHECKED_IN"));
		browser.screenshot("activities-05-phone-again");

		browser.driver().manage().window().setSize(BrowserSupport.DESKTOP);
		browser.open(eventPath);
		assertThat(browser.find("#attendance-rate").getText()).isEqualTo("50 %");
		assertThat(browser.find("#checkedin-count").getText()).isEqualTo("1");
		browser.screenshot("activities-06-attendance");

		// The door's list: the other person is found by name and checked in with the button beside it, then
		// the check-in is taken back (same day).
		browser.open(eventPath + "/checkin");
		browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#checkin-rows tr[id^='registration-']"), 2));
		browser.find("#checkin-search").sendKeys("李");
		browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#checkin-rows tr[id^='registration-']"), 1));
		browser.screenshot("activities-07-door-list");
		WebElement checkIn = browser.find("#checkin-rows button.btn-primary");
		browser.driver().executeScript("arguments[0].form.requestSubmit(arguments[0])", checkIn);
		browser.waiting()
			.until(ExpectedConditions.attributeToBe(By.id("checkin-result"), "data-outcome", "CHECKED_IN"));
		assertThat(browser.find("#checkin-counts").getText()).isEqualTo("已签到 2 / 已报名 2");
		assertThat(browser.find("#checkin-search").getAttribute("value")).isEqualTo("李");
		WebElement undo = browser.waiting()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#checkin-rows form[action$='/undo'] button")));
		browser.driver().executeScript("arguments[0].form.requestSubmit(arguments[0])", undo);
		browser.waiting().until(ExpectedConditions.attributeToBe(By.id("checkin-result"), "data-outcome", "UNDONE"));
		assertThat(browser.find("#checkin-counts").getText()).isEqualTo("已签到 1 / 已报名 2");
		browser.screenshot("activities-08-door-undo");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	private void register(String name) {
		WebElement search = browser.find("#person-search");
		search.clear();
		search.sendKeys(name);
		WebElement button = browser.waiting()
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#person-results button[data-person]")));
		// The results list is swapped in by htmx while the page may still scroll; submitting the button's own
		// form is what a click does, without depending on where the button sits at that instant.
		browser.driver().executeScript("arguments[0].form.requestSubmit(arguments[0])", button);
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
		assertThat(browser.find("#notice").getText()).isEqualTo("报名成功");
	}

	private void setValue(String css, String value) {
		browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find(css), value);
	}
}
