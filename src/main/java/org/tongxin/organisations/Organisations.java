package org.tongxin.organisations;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.organisations.internal.Kinds;
import org.tongxin.organisations.internal.OrganisationDirectory;
import org.tongxin.organisations.internal.OrganisationRecords;
import org.tongxin.people.PersonId;
import org.tongxin.platform.AuditFields;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.ConcurrentChange;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.Exports;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.SortOrder;
import org.tongxin.platform.Refused;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.UnitPicker;
import org.tongxin.platform.Units;
import org.tongxin.platform.XlsxExport;
import org.tongxin.programme.ProgrammeMap;
import org.tongxin.programme.Site;
import org.tongxin.programme.SiteFilter;
import org.tongxin.programme.SiteId;

/**
 * The facade of the module: organisations visible to the signed-in account, their tree and coverage, and the
 * membership checks other modules use. Screens, the API and other modules all go through the same scope.
 */
@Service
@Transactional(readOnly = true)
public class Organisations {

	static final String AUDIT_TYPE = "organisation";

	/** The contact person's name and phone are a person's data: the audit log records that they changed, not to what. */
	static final AuditFields AUDITED = AuditFields.personal("contactName", "contactPhone", "contactPhoneMasked");

	/** May see an organisation's contact phone in clear, one at a time, with a reason (audited). */
	public static final String REVEAL = "organisations:reveal";

	private final OrganisationDirectory directory;

	private final OrganisationRecords records;

	private final Kinds kinds;

	private final Units units;

	private final ProgrammeMap programme;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final Clock clock;

	private final Exports exports;

	Organisations(OrganisationDirectory directory, OrganisationRecords records, Kinds kinds, Units units,
			ProgrammeMap programme, CurrentUser currentUser, AuditLog audit, Clock clock, Exports exports) {
		this.exports = exports;
		this.clock = clock;
		this.directory = directory;
		this.records = records;
		this.kinds = kinds;
		this.units = units;
		this.programme = programme;
		this.currentUser = currentUser;
		this.audit = audit;
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

	// ---- screens and API -------------------------------------------------------------------------------

	public List<Organisation> page(OrganisationFilter filter, @Nullable Long before, int size) {
		return page(filter, null, before, size);
	}

	/** The columns the list may be sorted by. */
	public static Map<String, String> sorts() {
		return OrganisationRecords.SORTS;
	}

	/** One page in the order chosen ({@link SortOrder}; null: newest first). */
	public List<Organisation> page(OrganisationFilter filter, @Nullable SortOrder sort, @Nullable Long before, int size) {
		Places places = new Places();
		return records.page(scope(), filter, unitPath(filter), sort, before, size).stream().map(places::with).toList();
	}

	/** The exact count (an export's audit entry). */
	public long count(OrganisationFilter filter) {
		return records.countUpTo(scope(), filter, unitPath(filter), Long.MAX_VALUE);
	}

	/** The count for a list page: exact up to {@code cap}. */
	public long countUpTo(OrganisationFilter filter, long cap) {
		return records.countUpTo(scope(), filter, unitPath(filter), cap);
	}

	/** Audits the export, then feeds the scoped rows to {@code sink} from a cursor inside this transaction. */
	@Transactional
	public void export(OrganisationFilter filter, XlsxExport.Sink<Organisation> sink) throws IOException {
		exports.record(AUDIT_TYPE, null, Map.of("rows", count(filter)));
		Places places = new Places();
		try (Stream<Organisation> rows = records.stream(scope(), filter, unitPath(filter))) {
			sink.accept(rows.map(places::with));
		}
	}

	public Optional<Organisation> organisation(OrganisationId id) {
		return records.find(scope(), id).map(new Places()::with);
	}

	public Organisation get(OrganisationId id) {
		return organisation(id).orElseThrow(() -> new NotFound("organisation " + id));
	}

	/** The chain from the root down to the organisation's parent, within the scope: the breadcrumb of the tree. */
	public List<OrganisationSummary> ancestors(OrganisationId id) {
		List<OrganisationSummary> chain = new ArrayList<>();
		for (Long ancestor : records.lineage(id.value()).stream().skip(1).toList()) {
			directory.find(scope(), new OrganisationId(ancestor)).ifPresent(s -> chain.add(0, s));
		}
		return chain;
	}

	public List<Organisation> children(OrganisationId id) {
		Places places = new Places();
		return records.children(scope(), id).stream().map(places::with).toList();
	}

	/** The contact phone in clear, for this request only; audited with the reason given, like a person's phone. */
	@Transactional
	public @Nullable String revealContactPhone(OrganisationId id, String reason) {
		if (!currentUser.actor().can(REVEAL)) {
			throw new AccessDeniedException(REVEAL + " required");
		}
		if (reason.isBlank()) {
			throw Refused.field("reason", "org.reveal.reasonRequired");
		}
		get(id);
		audit.revealed(AUDIT_TYPE, id, "contactPhone", reason.strip());
		return records.contactPhone(scope(), id).orElse(null);
	}

	@Transactional
	public Organisation create(OrganisationForm form) {
		Unit unit = check(form, null);
		OrganisationId id = records.insert(unit.id(), form);
		Organisation created = get(id);
		audit.created(AUDIT_TYPE, id, created, AUDITED);
		return created;
	}

	@Transactional
	public Organisation update(OrganisationId id, int version, OrganisationForm form) {
		Organisation before = get(id);
		Unit unit = check(form, id);
		if (!records.update(id, version, unit.id(), form)) {
			throw new ConcurrentChange("organisation " + id);
		}
		Organisation after = get(id);
		audit.updated(AUDIT_TYPE, id, before, after, AUDITED);
		return after;
	}

	/** Dissolves (with today's date) or revives an organisation; its history stays. */
	@Transactional
	public Organisation dissolve(OrganisationId id, boolean dissolved) {
		Organisation before = get(id);
		records.dissolve(id, dissolved ? LocalDate.now(clock) : null);
		Organisation after = get(id);
		audit.updated(AUDIT_TYPE, id, before, after, AUDITED);
		return after;
	}

	// ---- pickers -----------------------------------------------------------------------------------------

	/** Cities (municipalities included) of the scope: the first step of the owning-unit picker. */
	public List<Unit> cities() {
		return units.citiesIn(scope());
	}

	/** The owning-unit picker of the organisation form, within the caller's scope. */
	public UnitPicker unitPicker(@Nullable Long city) {
		return units.picker(scope(), city);
	}

	public UnitId cityOf(UnitId unit) {
		return units.cityOf(units.get(unit)).id();
	}

	/** Open demonstration sites of the scope (the programme decides which the caller sees). */
	public List<Site> sites() {
		return programme.sites(new SiteFilter(null, null, null, false), null, 500);
	}

	public Optional<Site> site(long id) {
		return programme.site(new SiteId(id));
	}

	// ---- kinds -------------------------------------------------------------------------------------------

	public List<OrganisationKind> kinds() {
		return kinds.all();
	}

	public Map<String, OrganisationKind> kindsByCode() {
		Map<String, OrganisationKind> byCode = new LinkedHashMap<>();
		kinds.all().forEach(k -> byCode.put(k.code(), k));
		return byCode;
	}

	@Transactional
	public void addKind(String code, String labelZh, String labelEn, boolean external, int sort) {
		if (!currentUser.actor().can("organisations:kinds")) {
			throw new AccessDeniedException("organisations:kinds required");
		}
		String normalized = code.strip().toUpperCase(java.util.Locale.ROOT);
		if (!normalized.matches("[A-Z][A-Z0-9_]{1,29}")) {
			throw Refused.field("code", "kind.code.invalid");
		}
		if (kinds.exists(normalized)) {
			throw Refused.field("code", "kind.code.duplicate");
		}
		kinds.insert(normalized, labelZh.strip(), labelEn.strip(), external, sort);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("code", normalized);
		after.put("labelZh", labelZh.strip());
		after.put("labelEn", labelEn.strip());
		after.put("external", external);
		audit.created("organisation-kind", normalized, after);
	}

	@Transactional
	public void activateKind(String code, boolean active) {
		if (!currentUser.actor().can("organisations:kinds")) {
			throw new AccessDeniedException("organisations:kinds required");
		}
		if (!kinds.exists(code)) {
			throw new NotFound("kind " + code);
		}
		kinds.activate(code, active);
		audit.updated("organisation-kind", code, Map.of("active", !active), Map.of("active", active));
	}

	// ---- rules -------------------------------------------------------------------------------------------

	/** What only the database can judge: unit and parent in scope, no cycle, kind and site known, name free. */
	private Unit check(OrganisationForm form, @Nullable OrganisationId self) {
		if (form.unit() == null) {
			throw Refused.field("unit", "org.unit.required");
		}
		Unit unit = units.find(scope(), new UnitId(form.unit()))
			.orElseThrow(() -> new AccessDeniedException("unit outside the data scope"));
		if (!unit.cityOrDistrict()) {
			throw Refused.field("unit", "org.unit.level");
		}
		if (form.kind() == null || !kinds.activeKind(form.kind())) {
			throw Refused.field("kind", "org.kind.unknown");
		}
		if (form.parent() != null) {
			OrganisationId parent = new OrganisationId(form.parent());
			if (records.find(scope(), parent).isEmpty()) {
				throw Refused.field("parent", "org.parent.outOfScope");
			}
			if (self != null && records.lineage(parent.value()).contains(self.value())) {
				throw Refused.field("parent", "org.parent.cycle");
			}
		}
		if (form.site() != null && programme.site(new SiteId(form.site())).isEmpty()) {
			throw Refused.field("site", "org.site.unknown");
		}
		if (records.nameTaken(unit.id(), form.name() == null ? "" : form.name().strip(), self)) {
			throw Refused.field("name", "org.name.duplicate");
		}
		return unit;
	}

	private @Nullable String unitPath(OrganisationFilter filter) {
		if (filter.unit() == null) {
			return null;
		}
		// A unit outside the scope filters to nothing rather than widening anything: the scope applies anyway.
		// "1.0" is the path of a province that does not exist (unit ids are six-digit codes or site numbers).
		return units.find(scope(), new UnitId(filter.unit())).map(Unit::path).orElse("1.0");
	}

	private DataScope scope() {
		return currentUser.scope();
	}

	/** Place names of owning units, looked up once per unit within one list or export. */
	private final class Places {

		private final Map<Long, String> names = new HashMap<>();

		Organisation with(Organisation o) {
			return o.withPlace(names.computeIfAbsent(o.unit().value(), id -> units.place(new UnitId(id))));
		}
	}
}
