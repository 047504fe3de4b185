package org.tongxin;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * One headless Debian Chromium, driven through Debian's chromedriver, for the browser tests of a test
 * class. Both paths are given explicitly so that Selenium Manager never runs: it would try to download
 * a browser and a driver, and the build machines reach only Maven Central, Debian and npm.
 */
public final class BrowserSupport implements AutoCloseable {

	static final File CHROMIUM = new File("/usr/bin/chromium");

	static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	public static final Dimension DESKTOP = new Dimension(1440, 900);

	public static final Dimension PHONE = new Dimension(390, 844);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final Path profile;

	private final ChromeDriver driver;

	private final String baseUrl;

	private BrowserSupport(Path profile, ChromeDriver driver, String baseUrl) {
		this.profile = profile;
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	/** Starts a browser with a fresh profile, for the application listening on {@code port} of this machine. */
	public static BrowserSupport start(int port) throws IOException {
		Path profile = Files.createTempDirectory("tongxin-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		// --no-sandbox: CI containers and the unprivileged build user have no user namespaces for the sandbox.
		// The --disable-* flags keep Chromium from calling Google's services, which the build network cannot reach.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
				"--window-size=" + DESKTOP.width + "," + DESKTOP.height);
		LoggingPreferences logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		try {
			return new BrowserSupport(profile, new ChromeDriver(service, options), "http://localhost:" + port);
		}
		catch (RuntimeException ex) {
			FileSystemUtils.deleteRecursively(profile);
			throw ex;
		}
	}

	public ChromeDriver driver() {
		return driver;
	}

	public void open(String path) {
		driver.get(baseUrl + path);
	}

	public String currentPath() {
		return driver.getCurrentUrl().substring(baseUrl.length());
	}

	/** A new visitor: no session, no language cookie, the given window size, nothing in the console. */
	public void reset(Dimension size) {
		open("/login");
		driver.manage().deleteAllCookies();
		driver.manage().window().setSize(size);
		consoleErrors();
	}

	/** Signs in through the login form, as a person would, and waits for the page behind it. */
	public void signIn(String username, String password) {
		open("/login");
		find("#username").sendKeys(username);
		find("#password").sendKeys(password);
		find("form button[type=submit]").click();
		waitUntilLeftLogin();
	}

	public void waitUntilLeftLogin() {
		waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	public WebElement find(String css) {
		return waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
	}

	public List<WebElement> findAll(String css) {
		return driver.findElements(By.cssSelector(css));
	}

	/** Generous: the build machines have two cores and run other builds alongside. */
	public WebDriverWait waiting() {
		return new WebDriverWait(driver, Duration.ofSeconds(30));
	}

	/** Saves what the browser shows to target/screenshots/{name}.png, for humans and the README. */
	public void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
	}

	/**
	 * Console errors since the last call, CSP violations included (Chromium reports them as errors).
	 * Reading the log empties it, so each call sees only what happened after the previous one.
	 */
	public List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue()
					|| entry.getMessage().contains("Content Security Policy"))
			.map(LogEntry::toString)
			.toList();
	}

	@Override
	public void close() throws IOException {
		try {
			driver.quit();
		}
		finally {
			FileSystemUtils.deleteRecursively(profile);
		}
	}
}
