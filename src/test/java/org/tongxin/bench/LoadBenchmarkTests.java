package org.tongxin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of LoadBenchmark that read pages and edit docs/benchmarks.md, without the load. */
class LoadBenchmarkTests {

	@Test
	void theNextLinkOfAListIsFollowedWithItsKeysetCursorUnescaped() {
		String html = """
				<a class="btn btn-outline-secondary btn-sm" id="next-page" href="/people?q=%E7%8E%8B&amp;before=123">下一页</a>
				""";
		assertThat(LoadBenchmark.nextLink(html)).isEqualTo("/people?q=%E7%8E%8B&before=123");
		assertThat(LoadBenchmark.nextLink("<a href=\"/people/5\">王伟</a>")).isNull();
	}

	@Test
	void percentilesAreNearestRankInMilliseconds() {
		long[] nanos = new long[100];
		for (int i = 0; i < 100; i++) {
			nanos[i] = (i + 1) * 1_000_000L;
		}
		assertThat(LoadBenchmark.percentile(nanos, 50)).isEqualTo(50.0);
		assertThat(LoadBenchmark.percentile(nanos, 95)).isEqualTo(95.0);
		assertThat(LoadBenchmark.percentile(nanos, 99)).isEqualTo(99.0);
		assertThat(LoadBenchmark.percentile(new long[] { 7_000_000L }, 95)).isEqualTo(7.0);
		assertThat(LoadBenchmark.percentile(new long[0], 95)).isNaN();
	}

	@Test
	void aNewRunReplacesItsOwnSectionAndLeavesTheOthers(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("benchmarks.md");
		Files.writeString(file, "# Benchmarks\n\n## Start-up\n\nold start-up\n\n## People import\n\nimport figures\n",
				StandardCharsets.UTF_8);
		String heading = "## Load: 50 sessions for 3 minutes, demo data";

		LoadBenchmark.writeSection(file, heading, heading + "\n\nfirst run\n");
		LoadBenchmark.writeSection(file, "## Load: 50 sessions for 3 minutes, 10 M registry",
				"## Load: 50 sessions for 3 minutes, 10 M registry\n\nat scale\n");
		LoadBenchmark.writeSection(file, heading, heading + "\n\nsecond run\n");

		assertThat(Files.readString(file)).isEqualTo("""
				# Benchmarks

				## Start-up

				old start-up

				## People import

				import figures

				## Load: 50 sessions for 3 minutes, demo data

				second run

				## Load: 50 sessions for 3 minutes, 10 M registry

				at scale
				""");
	}
}
