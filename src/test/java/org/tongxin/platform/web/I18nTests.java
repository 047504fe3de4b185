package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongxin.platform.web.RenderedPages.assertRendered;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.UnitLevel;
import org.tongxin.platform.accounts.Accounts;
import org.tongxin.programme.CityRank;
import org.tongxin.programme.SiteKind;
import org.tongxin.programme.Tier;

/** zh-CN and English both complete: same keys, every key a template names exists, pages render without gaps. */
@PlatformTest
class I18nTests {

	/** Every bundle the application loads (spring.messages.basename), so a new module's bundle is checked too. */
	static final List<String> BUNDLES = basenames();

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	static List<String> basenames() {
		try {
			var yaml = new org.springframework.boot.env.YamlPropertySourceLoader()
				.load("application", new ClassPathResource("application.yml"));
			String basename = String.valueOf(yaml.get(0).getProperty("spring.messages.basename"));
			return java.util.Arrays.stream(basename.split(",")).map(String::strip).toList();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static Properties load(String file) throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(new ClassPathResource(file).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

	static Set<String> keys(String suffix) throws IOException {
		Set<String> keys = new TreeSet<>();
		for (String bundle : BUNDLES) {
			keys.addAll(load(bundle + suffix + ".properties").stringPropertyNames());
		}
		return keys;
	}

	@Test
	void chineseAndEnglishHaveTheSameKeysAndNoEmptyText() throws IOException {
		for (String bundle : BUNDLES) {
			Properties zh = load(bundle + ".properties");
			Properties en = load(bundle + "_en.properties");
			assertThat(en.stringPropertyNames()).as(bundle).isEqualTo(zh.stringPropertyNames());
			zh.forEach((key, value) -> assertThat(value.toString()).as(bundle + " zh " + key).isNotBlank());
			en.forEach((key, value) -> assertThat(value.toString()).as(bundle + " en " + key).isNotBlank());
		}
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Set<String> keys = keys("");
		Pattern literalKey = Pattern.compile("#\\{([A-Za-z0-9_.]+)[(}]");
		// A table's column heads given as a list of keys to fragments/lists :: headRow or columns.
		Pattern columnKeys = Pattern.compile("lists :: (?:headRow|columns)\\(\\$\\{ \\{(.*?)\\} \\}\\)", Pattern.DOTALL);
		Pattern quotedKey = Pattern.compile("'([A-Za-z0-9_.]+)'");
		Set<String> missing = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				String text = Files.readString(template);
				List<String> named = new java.util.ArrayList<>();
				literalKey.matcher(text).results().forEach(r -> named.add(r.group(1)));
				columnKeys.matcher(text)
					.results()
					.forEach(r -> quotedKey.matcher(r.group(1)).results().forEach(k -> named.add(k.group(1))));
				for (String key : named) {
					if (!keys.contains(key)) {
						missing.add(template.getFileName() + ": " + key);
					}
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyEnumShownToUsersHasAText() throws IOException {
		Set<String> keys = keys("");
		Stream.of(Tier.values()).forEach(v -> assertThat(keys).contains("tier." + v));
		Stream.of(CityRank.values()).forEach(v -> assertThat(keys).contains("rank." + v));
		Stream.of(SiteKind.values()).forEach(v -> assertThat(keys).contains("site.kind." + v));
		Stream.of(UnitLevel.values()).forEach(v -> assertThat(keys).contains("unit.level." + v));
	}

	@ParameterizedTest
	@ValueSource(strings = { "zh-CN", "en" })
	void pagesRenderCompletelyInBothLanguages(String language) {
		long site = jdbc.sql("select min(id) from programme_site").query(Long.class).single();
		assertRendered(mvc, language, "central", "/", "/programme", "/programme/sites", "/programme/sites/new",
				"/programme/sites/" + site, "/programme/sites/" + site + "/edit", "/account/password", "/account/tokens");
		assertRendered(mvc, language, "admin", "/system/units", "/system/units?parent=510000", "/system/settings");
		assertRendered(mvc, language, "auditor", "/audit");
		assertRendered(mvc, language, "chengdu", "/programme/sites/new");
		long organisation = jdbc.sql("select id from org_organisation where name = '成都同心家园'").query(Long.class).single();
		assertRendered(mvc, language, "central", "/organisations", "/organisations/new",
				"/organisations/" + organisation, "/organisations/" + organisation + "/edit", "/organisations/" + organisation + "/members/new?q=王",
				"/organisations/" + organisation + "/term", "/organisations/figures", "/organisations/coordination",
				"/organisations/imports", "/organisations/kinds");
		assertRendered(mvc, language, "chengdu", "/organisations/figures", "/organisations/coordination");
	}

	@Test
	void overviewSpeaksTheChosenLanguage() {
		MockHttpSession session = SignIn.as(mvc, "central");
		assertThat(mvc.get().uri("/programme").session(session)).bodyText().contains("实践创新基地总览");
		session.setAttribute(AccountLocaleResolver.SESSION_ATTRIBUTE, Locale.ENGLISH);
		assertThat(mvc.get().uri("/programme").session(session)).bodyText()
			.contains("Programme overview")
			.contains("cover every provincial capital")
			.doesNotContain("实践创新基地总览");
	}

	@Test
	void theLanguageChoiceIsRememberedForTheAccount(@Autowired Accounts accounts, @Autowired PasswordEncoder encoder) {
		long id = accounts.create("lang_test", "语言测试", new UnitId(510100), encoder.encode(SignIn.DEMO_PASSWORD), false,
				Set.of("STAFF"));
		MockHttpSession first = SignIn.as(mvc, "lang_test");
		assertThat(mvc.get().uri("/?lang=en").session(first)).bodyText().contains("Welcome");
		assertThat(accounts.findById(id).orElseThrow().locale()).isEqualTo("en");

		MockHttpSession second = SignIn.as(mvc, "lang_test");
		assertThat(mvc.get().uri("/programme").session(second)).bodyText().contains("Programme overview");
		assertThat(mvc.get().uri("/?lang=zh-CN").session(second)).bodyText().contains("欢迎");
		assertThat(mvc.get().uri("/programme").session(SignIn.as(mvc, "lang_test"))).bodyText().contains("实践创新基地总览");
	}
}
