package org.tongxin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * The one owning-unit picker: every form that places a record in a city or district uses the same fragment,
 * and its second step is one endpoint that answers the select alone, within the caller's scope.
 */
@PlatformTest
class UnitPickerTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void theSecondStepAnswersTheCitysUnitsWithinTheScopeAndNothingElse() {
		MockHttpSession sichuan = SignIn.as(mvc, "sichuan");
		String chengdu = body(mvc.get().uri("/units/picker?field=unit&city=510100").session(sichuan).exchange());
		assertThat(chengdu).startsWith("<div id=\"unit-units\">")
			.contains("name=\"unit\"")
			.contains("成都市（市本级）")
			.contains("锦江区")
			.doesNotContain("<html");

		// 深圳 lies outside 四川: no units to pick, only the prompt.
		String shenzhen = body(mvc.get().uri("/units/picker?field=parentUnit&city=440300").session(sichuan).exchange());
		assertThat(shenzhen).contains("id=\"parentUnit-units\"").doesNotContain("深圳").doesNotContain("福田区");

		assertThat(mvc.get().uri("/units/picker?field=unit%22%3E&city=510100").session(sichuan)).hasStatus(400);
		assertThat(mvc.get().uri("/units/picker?field=unit&city=510100")).hasStatus3xxRedirection();
	}

	@Test
	void everyFormThatPlacesARecordUsesTheOnePicker() {
		MockHttpSession sichuan = SignIn.as(mvc, "sichuan");
		for (String form : new String[] { "/people/new", "/organisations/new", "/programme/sites/new",
				"/programme/projects/new" }) {
			String page = body(mvc.get().uri(form).session(sichuan).exchange());
			assertThat(page).as(form).contains("hx-get=\"/units/picker?field=").contains("-units\"");
		}
	}

	private static String body(MvcTestResult result) {
		assertThat(result).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8).strip();
	}
}
