package org.tongxin.projects;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.tongxin.projects.seeding.ProjectSeeding;
import org.tongxin.projects.seeding.ProjectsDemoData;

/**
 * Key projects started on the programme map and the platform alone: their part of the demo data set, two
 * batches and the first batch's projects, seeds without reviews (or the demo module) present.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES)
class ProjectsModuleTests {

	@Autowired
	ProjectSeeding seeding;

	@Autowired
	ProjectsDemoData demo;

	@Autowired
	ApplicationContext context;

	@Test
	void theProjectsStartWithoutTheReviewsThatReadThem() {
		assertThat(context.getBeanNamesForType(org.tongxin.reviews.ProjectReviews.class)).isEmpty();
		demo.seed();
		Batch first = seeding.batchNumbered(1).orElseThrow();
		assertThat(seeding.projectsOf(first)).hasSize(15);
	}
}
