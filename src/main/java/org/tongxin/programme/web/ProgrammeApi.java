package org.tongxin.programme.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.Slice;
import org.tongxin.platform.web.ApiPages;
import org.tongxin.platform.web.ETags;
import org.tongxin.programme.CityRank;
import org.tongxin.programme.Coverage;
import org.tongxin.programme.ProgrammeMap;
import org.tongxin.programme.Site;
import org.tongxin.programme.SiteFilter;
import org.tongxin.programme.SiteForm;
import org.tongxin.programme.SiteId;
import org.tongxin.programme.SiteKind;
import org.tongxin.programme.Tier;

/** The programme map for other systems: the 49 cities, coverage, and demonstration sites (scoped). */
@RestController
@RequestMapping("/api/v1/programme")
@Tag(name = "programme", description = "实践创新基地: cities, coverage, demonstration sites")
class ProgrammeApi {

	private final ProgrammeMap programme;

	ProgrammeApi(ProgrammeMap programme) {
		this.programme = programme;
	}

	record CityView(String code, String name, String province, Tier tier, int year, CityRank rank) {
	}

	record ShareView(int covered, int total) {

		static ShareView of(Coverage.Share share) {
			return new ShareView(share.covered(), share.total());
		}
	}

	record CoverageView(int pilot, int promotion, ShareView provincialCapitals, ShareView subProvincialCities,
			ShareView municipalities) {
	}

	record SiteView(long id, String name, SiteKind kind, long parentUnit, String place, @Nullable String address,
			@Nullable LocalDate openedOn, @Nullable String responsibleUnit, @Nullable String description,
			@Nullable LocalDate closedOn, int version) {

		static SiteView of(Site s) {
			return new SiteView(s.id().value(), s.name(), s.kind(), s.parent().value(), s.parentName(), s.address(),
					s.openedOn(), s.responsibleUnit(), s.description(), s.closedOn(), s.version());
		}
	}

	record SitePage(List<SiteView> items, @Nullable String nextCursor) {
	}

	@GetMapping("/cities")
	@PreAuthorize("hasAuthority('programme:read')")
	@Operation(summary = "The 49 programme cities with tier, year and administrative rank")
	List<CityView> cities() {
		return programme.programmeCities()
			.stream()
			.map(c -> new CityView(c.code(), c.name(), c.provinceName(), c.tier(), c.year(), c.rank()))
			.toList();
	}

	@GetMapping("/coverage")
	@PreAuthorize("hasAuthority('programme:read')")
	@Operation(summary = "Coverage of provincial capitals, sub-provincial cities and municipalities, computed from data")
	CoverageView coverage() {
		Coverage c = programme.coverage();
		return new CoverageView(c.pilot(), c.promotion(), ShareView.of(c.provincialCapitals()),
				ShareView.of(c.subProvincialCities()), ShareView.of(c.municipalities()));
	}

	@GetMapping("/sites")
	@PreAuthorize("hasAuthority('programme:read')")
	@Operation(summary = "Demonstration sites in the caller's data scope, newest first, keyset-paged by cursor")
	SitePage sites(@RequestParam(required = false) @Nullable SiteKind kind,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "50") int size) {
		Slice<Site> slice = ApiPages.read(cursor, size,
				(before, limit) -> programme.sites(new SiteFilter(kind, null, null, true), before, limit), Site::id);
		return new SitePage(ApiPages.views(slice, SiteView::of), slice.next());
	}

	@GetMapping("/sites/{id}")
	@PreAuthorize("hasAuthority('programme:read')")
	ResponseEntity<SiteView> site(@PathVariable long id) {
		Site site = programme.site(new SiteId(id)).orElseThrow(() -> new NotFound("site", new SiteId(id)));
		return ETags.ok(site.version(), SiteView.of(site));
	}

	@PostMapping("/sites")
	@PreAuthorize("hasAuthority('programme:write')")
	@Operation(summary = "Open a demonstration site in a city or district of the caller's scope")
	ResponseEntity<SiteView> open(@Valid @RequestBody SiteForm form) {
		Site site = programme.openSite(form);
		return ETags.created("/api/v1/programme/sites/" + site.id(), site.version(), SiteView.of(site));
	}

	@PostMapping("/sites/{id}/close")
	@PreAuthorize("hasAuthority('programme:write')")
	@Operation(summary = "Close a site (closed=true, today) or reopen it (closed=false)")
	SiteView close(@PathVariable long id, @RequestParam(defaultValue = "true") boolean closed) {
		SiteId siteId = new SiteId(id);
		programme.site(siteId).orElseThrow(() -> new NotFound("site", siteId));
		return SiteView.of(programme.closeSite(siteId, closed));
	}

	@PutMapping("/sites/{id}")
	@PreAuthorize("hasAuthority('programme:write')")
	@Operation(summary = "Update a site; send If-Match with the ETag read to refuse lost updates (409)")
	ResponseEntity<SiteView> update(@PathVariable long id, @Valid @RequestBody SiteForm form,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		SiteId siteId = new SiteId(id);
		Site current = programme.site(siteId).orElseThrow(() -> new NotFound("site", siteId));
		Site site = programme.updateSite(siteId, ETags.expected(ifMatch, current.version()), form);
		return ETags.ok(site.version(), SiteView.of(site));
	}
}
