package org.tongxin.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.tongxin.projects.seeding.ProjectsDemoData;
import org.tongxin.reviews.seeding.ReviewDemoData;

/**
 * Reviews started on projects, the programme map and the platform: their part of the demo data set, the
 * closed round over the first batch with a result for each of its 15 projects, seeds on the projects' part,
 * with nothing of people or organisations present.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class ReviewsModuleTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	@Autowired
	ProjectsDemoData projects;

	@Autowired
	ReviewDemoData reviews;

	@Test
	void theReviewsStartOnTheProjectsTheyRead() {
		assertThat(context.getBeanNamesForType(org.tongxin.people.PeopleRegistry.class)).isEmpty();
		assertThat(context.getBeanNamesForType(ProjectReviews.class)).hasSize(1);
		projects.seed();
		reviews.seed();
		assertThat(jdbc.sql("select count(*) from programme_review_result").query(Long.class).single()).isEqualTo(15);
	}
}
