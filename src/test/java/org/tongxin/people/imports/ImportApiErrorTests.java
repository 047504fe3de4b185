package org.tongxin.people.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;

/**
 * The import API tells why a job failed as a readable message in the caller's language with the message key
 * as its code — never the key alone, never a library's exception text — and a sheet that lacks a column is
 * reported as lacking that column, in an .xlsx as in a .csv, not as an unreadable file.
 */
@PlatformTest
class ImportApiErrorTests {

	@Autowired
	MockMvcTester mvc;

	String submit(MockHttpSession session, String name, String type, byte[] content) throws Exception {
		var submitted = mvc.post().uri("/api/v1/people/imports").session(session).with(csrf())
			.multipart().file(new MockMultipartFile("file", name, type, content)).param("dryRun", "true").exchange();
		assertThat(submitted).hasStatus(202);
		return JsonPath.read(submitted.getResponse().getContentAsString(), "$.id").toString();
	}

	String finished(MockHttpSession session, String id, String language) throws Exception {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		while (Instant.now().isBefore(deadline)) {
			var status = mvc.get().uri("/api/v1/people/imports/{id}", id).session(session)
				.header("Accept-Language", language).exchange();
			assertThat(status).hasStatusOk();
			String body = status.getResponse().getContentAsString(StandardCharsets.UTF_8);
			if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(JsonPath.<String>read(body, "$.status"))) {
				return body;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("import " + id + " did not finish");
	}

	@Test
	void anXlsxWithoutAGroupColumnFailsForThatReasonInReadableChineseOrEnglish() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		byte[] sheet = ImportFiles.xlsx(List.of(), List.of("姓名", "性别", "所在城市"),
				List.of(List.of(ImportFiles.name("列"), "女", "成都市")));
		String id = submit(chengdu, "缺列.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", sheet);

		String zh = finished(chengdu, id, "zh-CN");
		assertThat(JsonPath.<String>read(zh, "$.status")).isEqualTo("FAILED");
		assertThat(JsonPath.<String>read(zh, "$.error.code")).isEqualTo("import.error.groupColumn");
		assertThat(JsonPath.<String>read(zh, "$.error.detail")).isEqualTo("文件缺少“类别”列（人士类别）");

		String en = finished(chengdu, id, "en");
		assertThat(JsonPath.<String>read(en, "$.error.code")).isEqualTo("import.error.groupColumn");
		assertThat(JsonPath.<String>read(en, "$.error.detail")).doesNotContain("import.error").doesNotContain("类别")
			.isNotBlank();
	}

	@Test
	void aDamagedFileIsReportedAsUnreadableWithoutTheLibrarysText() throws Exception {
		MockHttpSession chengdu = SignIn.as(mvc, "chengdu");
		byte[] damaged = { 'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
		String id = submit(chengdu, "坏的.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", damaged);

		String body = finished(chengdu, id, "zh-CN");
		assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("FAILED");
		assertThat(JsonPath.<String>read(body, "$.error.code")).isEqualTo("import.error.unreadable");
		assertThat(JsonPath.<String>read(body, "$.error.detail")).isEqualTo("无法读取文件：请上传 .xlsx 或 .csv 文件");
		assertThat(body).doesNotContain("Exception").doesNotContain("java.");
	}
}
