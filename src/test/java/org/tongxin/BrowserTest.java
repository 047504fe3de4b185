package org.tongxin;

import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A browser test: the application on a free port and one headless Chromium for the class ({@link BrowserSupport}).
 * Classes named *BrowserTests run in the e2e profile only.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

	/** The demo accounts' password (README). */
	protected static final String PASSWORD = "Tongxin@2018";

	@LocalServerPort
	protected int port;

	protected BrowserSupport browser;

	@BeforeAll
	void startBrowser() throws IOException {
		browser = BrowserSupport.start(port);
	}

	@AfterAll
	void stopBrowser() throws IOException {
		browser.close();
	}
}
