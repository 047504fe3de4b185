package org.tongxin.people.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.tongxin.BrowserSupport;
import org.tongxin.BrowserTest;

/**
 * An import as a person does it: upload a small .xlsx with one bad row, watch the progress bar reach
 * 已完成, see the counts and the error report link.
 */
class PeopleImportBrowserTests extends BrowserTest {

	@Test
	void aSmallSpreadsheetIsImportedWithAProgressBarAndAnErrorReport() throws IOException {
		Path file = Files.createTempFile("名单", ".xlsx");
		Files.write(file, ImportFiles.xlsx(List.of("人士名单"), List.of("姓名", "性别", "类别", "民族"), List.of(
				List.<Object>of(ImportFiles.name("浏览"), "男", "自由职业人员", "汉族"),
				List.<Object>of(ImportFiles.name("浏览"), "女", "自由职业人员", "火星族"))));
		file.toFile().setReadable(true, false);
		browser.reset(BrowserSupport.DESKTOP);
		browser.signIn("chengdu", "Tongxin@2018");
		browser.open("/people/imports");
		browser.find("#file").sendKeys(file.toAbsolutePath().toString());
		browser.screenshot("people-import-01-form");
		browser.find("#import-start").click();

		new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(60))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#job-progress .job-status"), "已完成"));
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("error-report")));
		assertThat(browser.find("#count-inserted").getText()).isEqualTo("1");
		assertThat(browser.find("#count-failed").getText()).isEqualTo("1");
		assertThat(browser.find("#error-report").getAttribute("href")).endsWith("/errors.xlsx");
		browser.screenshot("people-import-02-done");
		assertThat(browser.consoleErrors()).isEmpty();
		Files.deleteIfExists(file);
	}
}
