package org.tongxin.activities;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tongxin.people.PersonAnonymised;

/**
 * Anonymisation in the registry reaches the person's registrations (see {@link Registrations#anonymised}).
 * A synchronous listener, in the anonymisation's transaction: the person is erased everywhere or nowhere.
 */
@Component
class PersonErasure {

	private final Registrations registrations;

	PersonErasure(Registrations registrations) {
		this.registrations = registrations;
	}

	@EventListener
	void on(PersonAnonymised event) {
		registrations.anonymised(event.person());
	}
}
