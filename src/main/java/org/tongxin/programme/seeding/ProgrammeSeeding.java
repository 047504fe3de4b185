package org.tongxin.programme.seeding;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tongxin.platform.DataScope;
import org.tongxin.programme.Site;
import org.tongxin.programme.SiteFilter;
import org.tongxin.programme.SiteId;
import org.tongxin.programme.internal.Sites;

/** The demo's view of the programme map: sites by their exact name. */
@Component
public class ProgrammeSeeding {

	private final Sites sites;

	ProgrammeSeeding(Sites sites) {
		this.sites = sites;
	}

	/** The open site of exactly this name, wherever it lies. */
	public Optional<SiteId> siteNamed(String name) {
		return sites.page(DataScope.everywhere(), new SiteFilter(null, null, name, true), null, null, 10)
			.stream()
			.filter(site -> site.name().equals(name))
			.map(Site::id)
			.findFirst();
	}
}
