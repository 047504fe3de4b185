package org.tongxin.programme;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.ConcurrentChange;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.SortOrder;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.UnitPicker;
import org.tongxin.platform.Units;
import org.tongxin.platform.XlsxExport;
import org.tongxin.programme.internal.Cities;
import org.tongxin.programme.internal.Sites;

/**
 * The programme map: cities, coverage and demonstration sites. Everything that touches sites runs
 * in the caller's data scope.
 */
@Service
@Transactional(readOnly = true)
public class ProgrammeMap {

	static final String AUDIT_TYPE = "programme-site";

	private final Cities cities;

	private final Sites sites;

	private final Units units;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final Clock clock;

	ProgrammeMap(Cities cities, Sites sites, Units units, CurrentUser currentUser, AuditLog audit,
			Clock clock) {
		this.clock = clock;
		this.cities = cities;
		this.sites = sites;
		this.units = units;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	public List<ProgrammeCity> programmeCities(@Nullable Tier tier, @Nullable CityRank rank,
			@Nullable String provinceCode, @Nullable String text) {
		return cities.inProgramme(tier, rank, provinceCode, text);
	}

	public List<ProgrammeCity> programmeCities() {
		return programmeCities(null, null, null, null);
	}

	public Coverage coverage() {
		List<ProgrammeCity> all = cities.all();
		return new Coverage(count(all, c -> c.tier() == Tier.PILOT), count(all, c -> c.tier() == Tier.PROMOTION),
				share(all, ProgrammeCity::provincialCapital), share(all, c -> c.rank() == CityRank.SUB_PROVINCIAL),
				share(all, c -> c.rank() == CityRank.MUNICIPALITY));
	}

	/** Programme cities per province code, for the tile grid. */
	public Map<String, Long> programmeCitiesByProvince() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (ProgrammeCity city : programmeCities()) {
			counts.merge(city.provinceCode(), 1L, Long::sum);
		}
		return counts;
	}

	/** Open demonstration sites per city unit (a district's sites count for its city), within scope. */
	public Map<Long, Long> openSitesByCity() {
		Map<Long, Long> byCity = new LinkedHashMap<>();
		sites.openCountsByParent(scope())
			.forEach((parent, count) -> byCity.merge(cityOf(new UnitId(parent)).value(), count, Long::sum));
		return byCity;
	}

	public List<Site> sites(SiteFilter filter, @Nullable Long before, int size) {
		return sites(filter, null, before, size);
	}

	/** The columns the site list may be sorted by. */
	public static Map<String, String> siteSorts() {
		return Sites.SORTS;
	}

	/** One page in the order chosen ({@link SortOrder}; null: newest first). */
	public List<Site> sites(SiteFilter filter, @Nullable SortOrder sort, @Nullable Long before, int size) {
		return sites.page(scope(), filter, sort, before, size);
	}

	public long countSites(SiteFilter filter) {
		return sites.count(scope(), filter);
	}

	/** Feeds the scoped sites to {@code sink} inside one read transaction (the rows come from a cursor). */
	public void exportSites(SiteFilter filter, XlsxExport.Sink<Site> sink) throws IOException {
		try (Stream<Site> rows = sites.stream(scope(), filter)) {
			sink.accept(rows);
		}
	}

	public Optional<Site> site(SiteId id) {
		return sites.find(scope(), id);
	}

	/** Where a site or a project can sit: the owning-unit picker within the caller's scope. */
	public UnitPicker unitPicker(@Nullable Long city) {
		return units.picker(scope(), city);
	}

	/** The city a site's parent belongs to: the parent itself, or the city above a district. */
	public UnitId cityOf(UnitId parent) {
		return units.cityOf(units.get(parent)).id();
	}

	@Transactional
	public Site openSite(SiteForm form) {
		Unit parent = parentInScope(form);
		Unit unit = units.createSite(parent.id(), form.name().strip());
		SiteId id = sites.insert(unit.id(), units.place(parent.id()), form);
		Site site = sites.find(scope(), id).orElseThrow();
		audit.created(AUDIT_TYPE, id, site);
		return site;
	}

	@Transactional
	public Site updateSite(SiteId id, int version, SiteForm form) {
		Site before = site(id).orElseThrow(() -> new NotFound("site", id));
		Unit parent = parentInScope(form);
		if (!sites.update(id, version, units.place(parent.id()), form)) {
			throw new ConcurrentChange("site " + id);
		}
		units.renameSite(before.unit(), form.name().strip());
		Site after = sites.find(scope(), id).orElseThrow();
		audit.updated(AUDIT_TYPE, id, before, after);
		return after;
	}

	@Transactional
	public Site closeSite(SiteId id, boolean closed) {
		Site before = site(id).orElseThrow(() -> new NotFound("site", id));
		sites.close(id, closed ? java.time.LocalDate.now(clock) : null);
		units.closeSite(before.unit(), closed);
		Site after = sites.find(scope(), id).orElseThrow();
		audit.updated(AUDIT_TYPE, id, before, after);
		if (closed) {
		}
		return after;
	}

	private Unit parentInScope(SiteForm form) {
		if (form.parentUnit() == null) {
			throw new IllegalArgumentException("parent unit missing");
		}
		Unit parent = units.find(scope(), new UnitId(form.parentUnit()))
			.orElseThrow(() -> new AccessDeniedException("unit outside the data scope"));
		if (!canHoldSite(parent)) {
			throw new IllegalArgumentException("a site sits in a city or district");
		}
		return parent;
	}

	/** Cities and districts hold sites; so do municipalities, which are cities at province level. */
	public static boolean canHoldSite(Unit unit) {
		return unit.cityOrDistrict();
	}

	private DataScope scope() {
		return currentUser.scope();
	}

	private static int count(List<ProgrammeCity> cities, Predicate<ProgrammeCity> test) {
		return (int) cities.stream().filter(test).count();
	}

	private static Coverage.Share share(List<ProgrammeCity> all, Predicate<ProgrammeCity> kind) {
		List<ProgrammeCity> ofKind = all.stream().filter(kind).toList();
		List<String> missing = ofKind.stream().filter(c -> !c.inProgramme()).map(ProgrammeCity::name).toList();
		return new Coverage.Share(ofKind.size() - missing.size(), ofKind.size(), missing);
	}
}
