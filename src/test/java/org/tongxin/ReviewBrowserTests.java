package org.tongxin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A review round as people run it: the central office opens a round and assigns reviewers automatically,
 * a reviewer scores the project assigned to them, and the central office sees the ranking.
 */
class ReviewBrowserTests extends BrowserTest {

	private static final String ROUND = "2019年“回头看”（浏览器测试）";

	@Autowired
	JdbcClient jdbc;

	@Test
	void aReviewerScoresAProjectAndTheCentralOfficeSeesTheRanking() throws IOException {
		long chengdu = projectId("同心家园");
		long hangzhou = projectId("网络作家村");

		browser.reset(BrowserSupport.DESKTOP);
		browser.signIn("central", PASSWORD);
		browser.open("/programme/reviews/new");
		browser.find("#title").sendKeys(ROUND);
		browser.find("#project-" + chengdu).click();
		browser.find("#project-" + hangzhou).click();
		// Date inputs take their value in the browser's locale when typed; set it as the form posts it.
		browser.driver().executeScript("document.getElementById('opensOn').value = '2026-01-01';"
				+ "document.getElementById('closesOn').value = '2026-12-31';");
		browser.screenshot("review-01-new-round");
		press("#create-round");
		browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), ROUND));
		press("#auto-assign");
		browser.find("#auto-assigned");
		assertThat(browser.find("#round-understaffed").getText()).isEqualTo("0");
		browser.screenshot("review-02-assigned");
		long round = jdbc.sql("select id from programme_review_round where title = ?").param(ROUND).query(Long.class).single();
		long project = jdbc.sql("""
				select project_id from programme_review_assignment where round_id = ? and reviewer = 'reviewer2'
				order by project_id limit 1""").param(round).query(Long.class).single();
		String title = jdbc.sql("select title from programme_project where id = ?").param(project).query(String.class).single();

		browser.reset(BrowserSupport.DESKTOP);
		browser.signIn("reviewer2", PASSWORD);
		browser.open("/programme/reviews");
		browser.find("a[href$='/programme/reviews/" + round + "/projects/" + project + "']").click();
		browser.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), title));
		assertThat(browser.find("#indicators").getText()).contains("目标");
		int score = 90;
		for (WebElement input : browser.findAll(".score-input")) {
			input.clear();
			input.sendKeys(String.valueOf(score));
			score -= 2;
		}
		browser.findAll("#score-form textarea").get(0).sendKeys("以社区为平台汇聚社会组织，做法可复制。");
		// The weighted score follows the typing, before anything is saved.
		assertThat(browser.find("#weighted").getText()).contains("86.60");
		press("#save-draft");
		browser.find("#draft-saved");
		// 25×90 + 25×88 + 20×86 + 15×84 + 15×82 = 2250 + 2200 + 1720 + 1260 + 1230 = 8660 → 86.60
		assertThat(browser.find("#weighted").getText()).contains("86.60");
		browser.screenshot("review-03-scoring");
		press("#submit-scores");
		browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
		browser.waiting().until(ExpectedConditions.urlMatches(".*/programme/reviews$"));
		assertThat(browser.find(".alert-success").getText()).contains("评分已提交");
		assertThat(browser.consoleErrors()).isEmpty();

		browser.reset(BrowserSupport.DESKTOP);
		browser.signIn("central", PASSWORD);
		browser.open("/programme/reviews");
		assertThat(browser.find("#round-progress").getText()).contains(ROUND).contains("1 / 6");
		browser.open("/programme/reviews/" + round + "/results");
		WebElement first = browser.find("#ranking-table tbody tr");
		assertThat(first.getText()).contains(title).contains("86.60").startsWith("1");
		assertThat(browser.find("#criteria-table").getText()).contains("创新性");
		browser.find("#criteria-chart canvas");
		browser.screenshot("review-04-ranking");
		assertThat(browser.consoleErrors()).isEmpty();
	}

	/**
	 * Clicks a button wherever it is on the page. Bootstrap scrolls smoothly, so a button below the fold
	 * would still be moving when Selenium clicks it: scroll it into view at once first.
	 */
	private void press(String css) {
		WebElement button = browser.find(css);
		browser.driver().executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
		button.click();
	}

	private long projectId(String titlePart) {
		return jdbc.sql("select id from programme_project where title like '%' || ? || '%'").param(titlePart)
			.query(Long.class).single();
	}
}
