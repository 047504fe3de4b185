package org.tongxin.organisations;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.organisations.internal.OrganisationDirectory;
import org.tongxin.people.PersonId;
import org.tongxin.platform.CurrentUser;

/**
 * The facade other modules use: organisations visible to the signed-in account and membership checks.
 * Screens and the API of this module go through the same scope.
 */
@Service
@Transactional(readOnly = true)
public class Organisations {

	private final OrganisationDirectory directory;

	private final CurrentUser currentUser;

	Organisations(OrganisationDirectory directory, CurrentUser currentUser) {
		this.directory = directory;
		this.currentUser = currentUser;
	}

	/** The organisation if the current account's scope includes it. */
	public Optional<OrganisationSummary> find(OrganisationId id) {
		return directory.find(currentUser.scope(), id);
	}

	/** Organisations in the current account's scope that are not dissolved, by name. */
	public List<OrganisationSummary> active() {
		return directory.active(currentUser.scope());
	}

	public boolean isActiveMember(OrganisationId organisation, PersonId person) {
		return directory.isActiveMember(organisation, person.value());
	}
}
