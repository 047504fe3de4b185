package org.tongxin.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.SignIn;
import org.tongxin.platform.ThreadSignIn;

/**
 * A job's progress is seen by its owner and by staff with the module's permission in scope, by nobody else
 * (not the three administrators, not reviewers, not another city); and it is named by a random id only.
 */
@PlatformTest
class JobVisibilityTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	BackgroundJobs jobs;

	@RegisterExtension
	final ThreadSignIn signIn = new ThreadSignIn();

	@Test
	void aPeopleImportsProgressIsForItsOwnerAndPeopleImportersInScopeOnly() {
		Job job = submit("chengdu", "people.import", Map.of("mode", "SKIP", "dryRun", true, "fileName", "x.csv"));

		for (String owner : List.of("chengdu", "sichuan", "central")) {
			assertThat(mvc.get().uri("/jobs/{id}/progress", job.publicId()).session(SignIn.as(mvc, owner))).as(owner)
				.hasStatusOk();
		}
		for (String other : List.of("admin", "secadmin", "auditor", "reviewer", "shenzhen", "yuzhong")) {
			assertThat(mvc.get().uri("/jobs/{id}/progress", job.publicId()).session(SignIn.as(mvc, other))).as(other)
				.hasStatus(404);
		}
	}

	@Test
	void aMemberImportsProgressIsForItsOwnerAndOrganisationReadersInScopeOnly() {
		Job job = submit("chengdu", "organisation-members", Map.of("organisation", 0, "fileName", "x.csv"));

		for (String owner : List.of("chengdu", "central")) {
			assertThat(mvc.get().uri("/jobs/{id}/progress", job.publicId()).session(SignIn.as(mvc, owner))).as(owner)
				.hasStatusOk();
		}
		for (String other : List.of("admin", "auditor", "reviewer", "shenzhen")) {
			assertThat(mvc.get().uri("/jobs/{id}/progress", job.publicId()).session(SignIn.as(mvc, other))).as(other)
				.hasStatus(404);
		}
	}

	@Test
	void theNumericIdIsNotAnAddressAndThePublicIdIsRandom() {
		Job first = submit("chengdu", "people.import", Map.of("mode", "SKIP", "dryRun", true, "fileName", "a.csv"));
		Job second = submit("chengdu", "people.import", Map.of("mode", "SKIP", "dryRun", true, "fileName", "b.csv"));

		assertThat(mvc.get().uri("/jobs/{id}/progress", first.id().value()).session(SignIn.as(mvc, "chengdu")))
			.hasStatus(404);
		assertThat(first.publicId().version()).isEqualTo(4);
		assertThat(first.publicId()).isNotEqualTo(second.publicId());
		// The page that follows the job links it by its public id only.
		assertThat(mvc.get().uri("/jobs/{id}/progress", first.publicId()).session(SignIn.as(mvc, "chengdu")))
			.bodyText()
			.doesNotContain("/jobs/" + first.id().value() + "/");
	}

	private Job submit(String owner, String kind, Map<String, Object> parameters) {
		signIn.as(owner);
		try {
			JobId id = jobs.submit(kind, parameters, List.of(new BackgroundJobs.Upload("upload", "text/csv",
					new ByteArrayInputStream("姓名\n".getBytes(StandardCharsets.UTF_8)))));
			return jobs.find(id).orElseThrow();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}
}
