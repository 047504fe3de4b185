package org.tongxin.people;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.people.internal.Histories;
import org.tongxin.people.internal.Persons;
import org.tongxin.people.internal.Transfers;
import org.tongxin.platform.Actor;
import org.tongxin.platform.AuditFields;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.Refused;
import org.tongxin.platform.Unit;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.UnitLevel;
import org.tongxin.platform.Units;

/**
 * Moving a person to another unit (新陈代谢、分化流动): the sending unit asks, the receiving unit accepts
 * or declines. The person is never copied, so no two registries hold the same person.
 */
@Service
@Transactional
public class PersonTransfers {

	static final String AUDIT_TYPE = "person-transfer";

	/** A transfer's reason and comment are free text that may name the person: recorded as "changed" only. */
	private static final AuditFields FREE_TEXT = AuditFields.personal("reason", "comment");

	private final Transfers transfers;

	private final Persons persons;

	private final Histories histories;

	private final PeopleRegistry registry;

	private final Units units;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PersonTransfers(Transfers transfers, Persons persons, Histories histories, PeopleRegistry registry, Units units,
			CurrentUser currentUser, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.transfers = transfers;
		this.persons = persons;
		this.histories = histories;
		this.registry = registry;
		this.units = units;
		this.currentUser = currentUser;
		this.audit = audit;
		this.events = events;
	}

	/** Cities and districts outside the caller's scope: where a person can be sent. */
	public List<Unit> destinations(UnitId city) {
		List<Unit> places = new java.util.ArrayList<>();
		units.find(city).filter(PersonTransfers::ownsPeople).ifPresent(places::add);
		places.addAll(units.children(city).stream().filter(u -> u.level() == UnitLevel.DISTRICT).toList());
		return places.stream().filter(u -> !covers(currentUser.scope(), u)).toList();
	}

	public Transfer request(PersonId id, UnitId target, String reason) {
		Person person = registry.get(id);
		registry.requireNotMergedAway(id);
		Unit to = units.find(target)
			.filter(PersonTransfers::ownsPeople)
			.orElseThrow(() -> new Refused("transfer.error.target"));
		if (covers(currentUser.scope(), to)) {
			// Within one's own scope a move is an ordinary edit of the owning unit.
			throw new Refused("transfer.error.ownScope");
		}
		if (reason.isBlank()) {
			throw new Refused("transfer.error.reason");
		}
		if (transfers.pendingFor(id.value()).isPresent()) {
			throw new Refused("transfer.error.pending");
		}
		Actor actor = currentUser.actor();
		long transfer = transfers.request(id.value(), person.unit().value(), to.id().value(), reason.strip(),
				actor.username());
		audit.created(AUDIT_TYPE, transfer, Map.of("person", id.value(), "from", person.unit().value(), "to",
				to.id().value(), "reason", reason.strip()), FREE_TEXT);
		return outgoing(transfer);
	}

	@Transactional(readOnly = true)
	public List<Transfer> incoming(@Nullable Long before, int size) {
		return transfers.incoming(currentUser.scope(), before, size).stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	public List<Transfer> outgoing(@Nullable Long before, int size) {
		return transfers.outgoing(currentUser.scope(), before, size).stream().map(this::view).toList();
	}

	public Transfer accept(long id) {
		Transfers.Row row = transfers.find(currentUser.scope(), "t.to_unit", id)
			.orElseThrow(() -> new AccessDeniedException("transfer outside the scope"));
		String by = currentUser.actor().username();
		if (!transfers.decide(id, Transfer.Status.ACCEPTED, by, null)) {
			throw new Refused("transfer.error.decided");
		}
		Unit to = units.get(new UnitId(row.toUnit()));
		persons.moveTo(row.person().value(), to.id().value(), registry.regionCodeOf(to));
		histories.append(row.person().value(), HistoryField.UNIT, units.place(new UnitId(row.fromUnit())),
				units.place(to.id()), by);
		audit.updated(AUDIT_TYPE, id, Map.of("status", "PENDING", "unit", row.fromUnit()),
				Map.of("status", "ACCEPTED", "unit", row.toUnit()));
		events.publishEvent(new PersonUpdated(row.person()));
		return incomingView(id);
	}

	public Transfer decline(long id, @Nullable String comment) {
		transfers.find(currentUser.scope(), "t.to_unit", id)
			.orElseThrow(() -> new AccessDeniedException("transfer outside the scope"));
		if (!transfers.decide(id, Transfer.Status.DECLINED, currentUser.actor().username(), comment)) {
			throw new Refused("transfer.error.decided");
		}
		audit.updated(AUDIT_TYPE, id, Map.of("status", "PENDING"), Map.of("status", "DECLINED", "comment",
				comment == null ? "" : comment), FREE_TEXT);
		return incomingView(id);
	}

	public Transfer cancel(long id) {
		transfers.find(currentUser.scope(), "t.from_unit", id)
			.orElseThrow(() -> new AccessDeniedException("transfer outside the scope"));
		if (!transfers.decide(id, Transfer.Status.CANCELLED, currentUser.actor().username(), null)) {
			throw new Refused("transfer.error.decided");
		}
		audit.updated(AUDIT_TYPE, id, Map.of("status", "PENDING"), Map.of("status", "CANCELLED"));
		return outgoing(id);
	}

	private Transfer outgoing(long id) {
		return view(transfers.find(currentUser.scope(), "t.from_unit", id).orElseThrow());
	}

	private Transfer incomingView(long id) {
		return view(transfers.find(currentUser.scope(), "t.to_unit", id).orElseThrow());
	}

	private Transfer view(Transfers.Row row) {
		return new Transfer(row.id(), row.person(), masked(row.name()), row.sex(),
				org.tongxin.people.internal.Masks.birthDecade(row.birthDate(), java.time.LocalDate.now(clock)), row.group(),
				units.place(new UnitId(row.fromUnit())), units.place(new UnitId(row.toUnit())), row.reason(),
				row.status(), row.requestedBy(), row.requestedAt().toInstant(), row.decidedBy(),
				row.decidedAt() == null ? null : row.decidedAt().toInstant(), row.comment());
	}

	/** "张**": enough to recognise a person one expects, not enough to learn of one. */
	static String masked(@Nullable String name) {
		if (name == null || name.isEmpty()) {
			return "—";
		}
		int first = name.offsetByCodePoints(0, 1);
		return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
	}

	private static boolean ownsPeople(Unit unit) {
		return unit.cityOrDistrict();
	}

	private static boolean covers(DataScope scope, Unit unit) {
		return unit.path().equals(scope.path()) || unit.path().startsWith(scope.path() + ".");
	}
}
