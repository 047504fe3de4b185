package org.tongxin.organisations;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.organisations.internal.OrganisationDirectory;
import org.tongxin.people.PersonId;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.UnitId;

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

	/**
	 * The organisation of that exact name owned by that unit, regardless of who is signed in. For system work
	 * only (demo data, resolving a name in an import whose scope was checked already), never for a request.
	 */
	public Optional<OrganisationSummary> named(UnitId unit, String name) {
		return directory.named(unit, name);
	}

	public boolean isActiveMember(OrganisationId organisation, PersonId person) {
		return directory.isActiveMember(organisation, person.value());
	}
}
