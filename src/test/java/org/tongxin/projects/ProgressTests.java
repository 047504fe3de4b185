package org.tongxin.projects;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Progress from the latest indicator values, and when a milestone counts as overdue. */
class ProgressTests {

	static Indicator indicator(int baseline, int target, Integer latest) {
		return new Indicator(new IndicatorId(1), new ProjectId(1), "汇聚社会组织", "家", BigDecimal.valueOf(baseline),
				BigDecimal.valueOf(target), latest == null ? null : BigDecimal.valueOf(latest), null);
	}

	@Test
	void percentRunsFromBaselineToTarget() {
		assertThat(indicator(5, 28, 22).percent()).isEqualTo(73);
		assertThat(indicator(0, 100, 92).percent()).isEqualTo(92);
		assertThat(indicator(0, 28, 28).percent()).isEqualTo(100);
	}

	@Test
	void noValueYetIsZeroAndOvershootIsCappedAtAHundred() {
		assertThat(indicator(0, 28, null).percent()).isZero();
		assertThat(indicator(0, 4, 6).percent()).isEqualTo(100);
		assertThat(indicator(10, 20, 5).percent()).isZero();
	}

	@Test
	void aTargetEqualToItsBaselineIsMetOrNot() {
		assertThat(indicator(3, 3, 3).percent()).isEqualTo(100);
		assertThat(indicator(3, 3, 2).percent()).isZero();
	}

	@Test
	void aProjectsProgressIsTheMeanOfItsIndicators() {
		assertThat(Indicator.progress(List.of(indicator(0, 100, 92), indicator(0, 30, 18)))).isEqualTo(76);
		assertThat(Indicator.progress(List.of())).isNull();
	}

	@Test
	void aMilestoneIsOverdueWhenOpenPastItsDueDate() {
		LocalDate today = LocalDate.of(2018, 11, 28);
		Milestone open = new Milestone(new MilestoneId(1), new ProjectId(1), "试评价完成", LocalDate.of(2018, 9, 30), null);
		Milestone done = new Milestone(new MilestoneId(2), new ProjectId(1), "指标初稿", LocalDate.of(2018, 3, 31),
				LocalDate.of(2018, 4, 30));
		Milestone dueToday = new Milestone(new MilestoneId(3), new ProjectId(1), "年度总结", today, null);
		assertThat(open.overdue(today)).isTrue();
		assertThat(done.overdue(today)).isFalse();
		assertThat(dueToday.overdue(today)).isFalse();
		assertThat(ProjectStatus.COMPLETED.active()).isFalse();
		assertThat(ProjectStatus.AT_RISK.active()).isTrue();
	}
}
