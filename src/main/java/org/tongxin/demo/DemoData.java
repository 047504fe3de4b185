package org.tongxin.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.tongxin.activities.seeding.ActivitiesDemoData;
import org.tongxin.organisations.seeding.OrganisationsDemoData;
import org.tongxin.people.seeding.DuplicateDemoData;
import org.tongxin.people.seeding.PeopleDemoData;
import org.tongxin.platform.DemoMode;
import org.tongxin.programme.seeding.ProgrammeDemoData;
import org.tongxin.projects.seeding.ProjectsDemoData;
import org.tongxin.reviews.seeding.ReviewDemoData;

/**
 * Seeds the demo data set on the first start in demo mode, module by module in the order they build on each
 * other: the programme map, the registry and its planted duplicates, key projects, the closed review round,
 * organisations with members from the registry, activities with registrations. Each module's part lives in
 * its {@code seeding} package and does nothing when its data is already there, so a restart seeds nothing
 * and an interrupted first start completes on the next. The accounts come before (platform's
 * AccountBootstrap, order 0).
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DemoMode demoMode;

	private final ProgrammeDemoData programme;

	private final PeopleDemoData people;

	private final DuplicateDemoData duplicates;

	private final ProjectsDemoData projects;

	private final ReviewDemoData reviews;

	private final OrganisationsDemoData organisations;

	private final ActivitiesDemoData activities;

	DemoData(DemoMode demoMode, ProgrammeDemoData programme, PeopleDemoData people, DuplicateDemoData duplicates,
			ProjectsDemoData projects, ReviewDemoData reviews, OrganisationsDemoData organisations,
			ActivitiesDemoData activities) {
		this.demoMode = demoMode;
		this.programme = programme;
		this.people = people;
		this.duplicates = duplicates;
		this.projects = projects;
		this.reviews = reviews;
		this.organisations = organisations;
		this.activities = activities;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (!demoMode.enabled()) {
			return;
		}
		long started = System.nanoTime();
		programme.seed();
		people.seed();
		duplicates.seed();
		projects.seed();
		reviews.seed();
		organisations.seed();
		activities.seed();
		log.info("Demo data set in place ({} ms)", (System.nanoTime() - started) / 1_000_000);
	}
}
