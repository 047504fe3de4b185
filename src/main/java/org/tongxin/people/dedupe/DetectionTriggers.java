package org.tongxin.people.dedupe;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.tongxin.people.PeopleImported;
import org.tongxin.people.PersonRegistered;
import org.tongxin.people.PersonUpdated;

/**
 * When detection runs: after a person is registered or changed and after an import (after the commit, in the
 * background, so a save never waits for it), and on a schedule as a safety net for rows written otherwise.
 *
 * <p>A burst of events is one or two runs, not one run each: an import of 2,000 members registers 2,000
 * persons, and one asynchronous transaction per event took every connection of the pool, so that pages
 * waited and failed. An event only asks for a run; one worker runs them one after the other, and a request
 * made while a run is pending joins it. Every run is incremental from the watermark, so one run after the
 * burst finds what each would have found.
 */
@Component
class DetectionTriggers {

	private static final Logger log = LoggerFactory.getLogger(DetectionTriggers.class);

	private final Deduplication deduplication;

	private final ExecutorService worker = Executors
		.newSingleThreadExecutor(Thread.ofVirtual().name("duplicate-detection").factory());

	/** A run is asked for and has not started yet. */
	private final AtomicBoolean pending = new AtomicBoolean();

	DetectionTriggers(Deduplication deduplication) {
		this.deduplication = deduplication;
	}

	@TransactionalEventListener
	void on(PersonRegistered event) {
		request();
	}

	@TransactionalEventListener
	void on(PersonUpdated event) {
		request();
	}

	/** An import adds thousands at once: their duplicates are looked for when it commits, not an hour later. */
	@TransactionalEventListener
	void on(PeopleImported event) {
		request();
	}

	@Scheduled(cron = "${tongxin.people.dedupe.cron:0 20 * * * *}")
	@SchedulerLock(name = "dedupe-safety-net", lockAtLeastFor = "PT5M", lockAtMostFor = "PT30M")
	void safetyNet() {
		deduplication.detect();
	}

	private void request() {
		if (pending.getAndSet(true)) {
			return;
		}
		worker.execute(() -> {
			pending.set(false);
			try {
				deduplication.detect();
			}
			catch (RuntimeException e) {
				// The next event or the safety net runs it again from the same watermark.
				log.warn("Duplicate detection failed: {}", e.toString());
			}
		});
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}
}
