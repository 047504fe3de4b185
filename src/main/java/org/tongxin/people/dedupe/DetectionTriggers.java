package org.tongxin.people.dedupe;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tongxin.people.PeopleImported;
import org.tongxin.people.PersonRegistered;
import org.tongxin.people.PersonUpdated;

/**
 * When detection runs: after a person is registered or changed and after an import (asynchronously, after
 * the commit, so a save never waits for it), and on a schedule as a safety net for rows written otherwise. Every run is incremental from the watermark, so a burst of events costs
 * little more than one run.
 */
@Component
class DetectionTriggers {

	private final Deduplication deduplication;

	DetectionTriggers(Deduplication deduplication) {
		this.deduplication = deduplication;
	}

	@ApplicationModuleListener
	void on(PersonRegistered event) {
		deduplication.detect();
	}

	@ApplicationModuleListener
	void on(PersonUpdated event) {
		deduplication.detect();
	}

	/** An import adds thousands at once: their duplicates are looked for when it commits, not an hour later. */
	@ApplicationModuleListener
	void on(PeopleImported event) {
		deduplication.detect();
	}

	@Scheduled(cron = "${tongxin.people.dedupe.cron:0 20 * * * *}")
	void safetyNet() {
		deduplication.detect();
	}
}
