package org.tongxin.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.tongxin.platform.PlatformTest;
import org.tongxin.platform.ThreadSignIn;

/**
 * Every failed job leaves a WARN line with its type, its id and the chain of causes, so that an operator can
 * find it, and no value of the rows it read. Shares the context of {@link BackgroundJobsTests}.
 */
@PlatformTest
@Import(BackgroundJobsTests.Handlers.class)
@ExtendWith(OutputCaptureExtension.class)
class JobFailureLogTests {

	@Autowired
	BackgroundJobs jobs;

	@RegisterExtension
	final ThreadSignIn signIn = new ThreadSignIn();

	static String lineOf(CapturedOutput output, JobId id) {
		return output.getOut()
			.lines()
			.filter(line -> line.contains("WARN") && line.contains("Job " + id.value() + " "))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no WARN line for job " + id.value() + " in:\n" + output.getOut()));
	}

	@Test
	void aJobThatFailsOnARowLogsAWarningWithItsTypeIdAndCauseButNoRowValues(CapturedOutput output) throws Exception {
		signIn.as("chengdu");
		JobId id = jobs.submit("test.rowFailure", Map.of(), List.of());

		assertThat(BackgroundJobsTests.await(jobs, id).status()).isEqualTo(JobStatus.FAILED);

		String line = lineOf(output, id);
		assertThat(line).contains("test.rowFailure")
			.contains("import.error.groupColumn")
			.contains(JobFailure.class.getName())
			.contains(IllegalStateException.class.getName());
		assertThat(output.getAll()).doesNotContain("欧阳娜娜").doesNotContain("110105198503050021")
			.doesNotContain("13812345678");
	}

	@Test
	void anUnexpectedJobFailureLogsAWarningForEveryAttemptWithoutTheExceptionText(CapturedOutput output)
			throws Exception {
		signIn.as("chengdu");
		JobId id = jobs.submit("test.alwaysBroken", Map.of(), List.of());

		assertThat(BackgroundJobsTests.await(jobs, id).status()).isEqualTo(JobStatus.FAILED);

		assertThat(lineOf(output, id)).contains("test.alwaysBroken").contains(IllegalStateException.class.getName());
		assertThat(output.getOut().lines().filter(line -> line.contains("Job " + id.value() + " "))).hasSize(
				JobRunner.MAX_ATTEMPTS);
		assertThat(output.getAll()).doesNotContain("connection reset by peer");
	}
}
