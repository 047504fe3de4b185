package org.tongxin.organisations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.organisations.internal.CoordinationRecords;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.ConcurrentChange;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.Refused;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.Units;

/**
 * 工作机制: partner units, named linkage mechanisms with the partners' roles, and tasks shared across units and
 * partners. Everything is owned by a unit and read within the caller's scope.
 */
@Service
@Transactional(readOnly = true)
public class Coordination {

	public enum PartnerKind {
		MASS_ORG, SOCIAL_ORG, INDUSTRY_ASSN, PARK_MANAGEMENT, DEPARTMENT, OTHER
	}

	public record Partner(long id, UnitId unit, String place, String name, PartnerKind kind, @Nullable String contact) {
	}

	public record Mechanism(long id, UnitId unit, String place, String name, @Nullable String description,
			List<Role> partners) {
	}

	/** A partner's part in a mechanism. */
	public record Role(long partner, String partnerName, PartnerKind kind, String role) {
	}

	public record Task(long id, UnitId unit, String place, String title, @Nullable Long mechanism,
			@Nullable String mechanismName, @Nullable Long partner, @Nullable String partnerName, LocalDate dueOn,
			boolean done, @Nullable LocalDate doneOn, int version) {

		/** Whether the task is open past its due date; today is the application's (the clock's) date. */
		public boolean overdue(LocalDate today) {
			return !done && dueOn.isBefore(today);
		}
	}

	private final CoordinationRecords records;

	private final Units units;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final Clock clock;

	Coordination(CoordinationRecords records, Units units, CurrentUser currentUser, AuditLog audit, Clock clock) {
		this.clock = clock;
		this.records = records;
		this.units = units;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	public List<Partner> partners() {
		return records.partners(scope()).stream().map(p -> new Partner(p.id(), p.unit(), units.place(p.unit()),
				p.name(), p.kind(), p.contact())).toList();
	}

	public List<Mechanism> mechanisms() {
		return records.mechanisms(scope()).stream().map(m -> new Mechanism(m.id(), m.unit(), units.place(m.unit()),
				m.name(), m.description(), m.partners())).toList();
	}

	/** Tasks of the scope, open ones first by due date; {@code openOnly} hides the done ones. */
	public List<Task> tasks(boolean openOnly) {
		return records.tasks(scope(), openOnly).stream().map(t -> new Task(t.id(), t.unit(), units.place(t.unit()),
				t.title(), t.mechanism(), t.mechanismName(), t.partner(), t.partnerName(), t.dueOn(), t.done(),
				t.doneOn(), t.version())).toList();
	}

	@Transactional
	public long addPartner(long unit, String name, PartnerKind kind, @Nullable String contact) {
		Unit owner = owner(unit);
		if (name.isBlank()) {
			throw Refused.field("name", "partner.name.required");
		}
		if (records.partnerNameTaken(owner.id(), name.strip())) {
			throw Refused.field("name", "partner.name.duplicate");
		}
		long id = records.insertPartner(owner.id(), name.strip(), kind, contact);
		audit.created("organisation-partner", id, Map.of("name", name.strip(), "kind", kind.name()));
		return id;
	}

	/** A mechanism with the partners (of the scope) and their roles; partners without a role are left out. */
	@Transactional
	public long addMechanism(long unit, String name, @Nullable String description, Map<Long, String> roles) {
		Unit owner = owner(unit);
		if (name.isBlank()) {
			throw Refused.field("name", "mechanism.name.required");
		}
		if (records.mechanismNameTaken(owner.id(), name.strip())) {
			throw Refused.field("name", "mechanism.name.duplicate");
		}
		Map<Long, String> kept = new LinkedHashMap<>();
		roles.forEach((partner, role) -> {
			if (role != null && !role.isBlank()) {
				if (!records.partnerInScope(scope(), partner)) {
					throw Refused.field("partners", "mechanism.partner.outOfScope");
				}
				kept.put(partner, role.strip());
			}
		});
		if (kept.isEmpty()) {
			throw Refused.field("partners", "mechanism.partners.required");
		}
		long id = records.insertMechanism(owner.id(), name.strip(), description, kept);
		audit.created("organisation-mechanism", id, Map.of("name", name.strip(), "partners", kept));
		return id;
	}

	@Transactional
	public long addTask(long unit, String title, @Nullable Long mechanism, @Nullable Long partner,
			@Nullable LocalDate dueOn) {
		Unit owner = owner(unit);
		if (title.isBlank()) {
			throw Refused.field("title", "task.title.required");
		}
		if (dueOn == null) {
			throw Refused.field("dueOn", "task.dueOn.required");
		}
		if (mechanism != null && !records.mechanismInScope(scope(), mechanism)) {
			throw Refused.field("mechanism", "task.mechanism.outOfScope");
		}
		if (partner != null && !records.partnerInScope(scope(), partner)) {
			throw Refused.field("partner", "mechanism.partner.outOfScope");
		}
		long id = records.insertTask(owner.id(), title.strip(), mechanism, partner, dueOn);
		audit.created("organisation-task", id, Map.of("title", title.strip(), "dueOn", dueOn.toString()));
		return id;
	}

	@Transactional
	public void completeTask(long id, int version, boolean done) {
		if (!records.taskInScope(scope(), id)) {
			throw new NotFound("task " + id);
		}
		if (!records.completeTask(id, version, done ? LocalDate.now(clock) : null)) {
			throw new ConcurrentChange("task " + id);
		}
		audit.updated("organisation-task", id, Map.of("done", !done), Map.of("done", done));
	}

	/**
	 * Units that can own partners, mechanisms and tasks: the cities of the scope, and for an account of one
	 * city (or a district) its districts as well.
	 */
	public List<Unit> ownerUnits() {
		List<Unit> cities = units.within(scope(), org.tongxin.platform.UnitLevel.PROVINCE, org.tongxin.platform.UnitLevel.CITY)
			.stream()
			.filter(Unit::city)
			.toList();
		if (cities.size() > 1) {
			return cities;
		}
		List<Unit> result = new java.util.ArrayList<>(cities);
		result.addAll(units.within(scope(), org.tongxin.platform.UnitLevel.DISTRICT));
		return result;
	}

	private Unit owner(long unit) {
		Unit owner = units.find(scope(), new UnitId(unit))
			.orElseThrow(() -> new AccessDeniedException("unit outside the data scope"));
		if (!owner.cityOrDistrict()) {
			throw Refused.field("unit", "org.unit.level");
		}
		return owner;
	}

	private DataScope scope() {
		return currentUser.scope();
	}
}
