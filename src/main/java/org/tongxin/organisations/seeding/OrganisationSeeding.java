package org.tongxin.organisations.seeding;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.organisations.OrganisationSummary;
import org.tongxin.organisations.internal.OrganisationDirectory;
import org.tongxin.platform.UnitId;

/** The demo's view of organisations: the one of that exact name owned by that unit, wherever it lies. */
@Component
public class OrganisationSeeding {

	private final OrganisationDirectory directory;

	OrganisationSeeding(OrganisationDirectory directory) {
		this.directory = directory;
	}

	public Optional<OrganisationId> named(UnitId unit, String name) {
		return directory.named(unit, name).map(OrganisationSummary::id);
	}
}
