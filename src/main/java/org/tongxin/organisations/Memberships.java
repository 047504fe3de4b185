package org.tongxin.organisations;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.organisations.internal.MembershipRecords;
import org.tongxin.organisations.internal.OrganisationRecords;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.PersonId;
import org.tongxin.people.PersonSummary;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.ConcurrentChange;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.Exports;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.Refused;
import org.tongxin.platform.XlsxExport;

/**
 * Members of organisations with their roles and terms, and 换届. A membership is reached only through an
 * organisation of the caller's scope, and only persons of the caller's scope can be added.
 */
@Service
@Transactional(readOnly = true)
public class Memberships {

	static final String AUDIT_TYPE = "organisation-membership";

	/** The partial unique index that allows one active holder of 会长 and of 秘书长 per organisation and term. */
	static final String SINGLE_HOLDER_INDEX = "org_membership_single_holder";

	private final MembershipRecords records;

	private final OrganisationRecords organisations;

	private final PeopleRegistry people;

	/** More matches than any organisation has members: a name search beyond this is too vague to filter by. */
	private static final int PERSON_MATCHES = 10_000;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final Clock clock;

	private final Exports exports;

	Memberships(MembershipRecords records, OrganisationRecords organisations, PeopleRegistry people,
			CurrentUser currentUser, AuditLog audit, Clock clock, Exports exports) {
		this.exports = exports;
		this.clock = clock;
		this.records = records;
		this.organisations = organisations;
		this.people = people;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	public List<Member> page(OrganisationId organisation, MemberFilter filter, @Nullable Long after, int size) {
		requireOrganisation(organisation);
		return withPeople(records.page(scope(), organisation, filter, persons(filter), after, size));
	}

	public long count(OrganisationId organisation, MemberFilter filter) {
		return records.count(scope(), organisation, filter, persons(filter));
	}

	/**
	 * The persons a name, phone tail or ID number in the filter stands for, found by the registry's search
	 * within the caller's scope; null when the filter names nobody.
	 */
	private @Nullable List<Long> persons(MemberFilter filter) {
		if (filter.person() == null || filter.person().isBlank()) {
			return null;
		}
		return people.idsMatching(filter.person().strip(), PERSON_MATCHES).stream().map(PersonId::value).toList();
	}

	@Transactional
	public void export(OrganisationId organisation, MemberFilter filter, XlsxExport.Sink<Member> sink)
			throws IOException {
		requireOrganisation(organisation);
		List<Long> persons = persons(filter);
		exports.record(AUDIT_TYPE, organisation,
				Map.of("rows", records.count(scope(), organisation, filter, persons)));
		try (Stream<Membership> rows = records.stream(scope(), organisation, filter, persons)) {
			// Names come from the registry in batches of a thousand, so memory stays bounded.
			Stream<List<Membership>> batches = batches(rows, 1000);
			sink.accept(batches.flatMap(batch -> withPeople(batch).stream()));
		}
	}

	public Optional<Membership> membership(MembershipId id) {
		return records.find(scope(), id);
	}

	/** A membership with the person's name and group, if its organisation lies in the caller's scope. */
	public Optional<Member> member(MembershipId id) {
		return records.find(scope(), id).map(m -> withPeople(List.of(m)).get(0));
	}

	/** A person's memberships in the scope's organisations, with the organisations' names. */
	public List<PersonMembership> ofPerson(PersonId person) {
		Map<Long, String> names = new java.util.HashMap<>();
		return records.ofPerson(scope(), person)
			.stream()
			.map(m -> new PersonMembership(m, names.computeIfAbsent(m.organisation().value(),
					id -> organisations.find(scope(), new OrganisationId(id)).map(Organisation::name).orElse(""))))
			.toList();
	}

	/** A membership with the name of its organisation: the person page's tab. */
	public record PersonMembership(Membership membership, String organisationName) {
	}

	@Transactional
	public Membership add(OrganisationId organisation, MembershipForm form) {
		Organisation org = requireOrganisation(organisation);
		if (form.person() == null || form.role() == null) {
			throw Refused.field("person", "member.person.required");
		}
		PersonId person = new PersonId(form.person());
		if (people.find(person).isEmpty()) {
			throw Refused.field("person", "member.person.outOfScope");
		}
		if (people.mergedInto(person).isPresent()) {
			throw Refused.field("person", "member.person.mergedAway");
		}
		if (form.termStart() != null && form.termEnd() != null && form.termEnd().isBefore(form.termStart())) {
			throw Refused.field("termEnd", "member.term.order");
		}
		if (records.holdsOpen(organisation, person, form.role())) {
			throw Refused.field("person", "member.duplicate");
		}
		MembershipId id = singleHolder(() -> records.insert(organisation, person, form.role(), org.currentTerm(),
				form.termStart(), form.termEnd(), form.status() == null ? MembershipStatus.ACTIVE : form.status(),
				form.joinedVia() == null ? JoinedVia.APPLICATION : form.joinedVia()));
		Membership created = records.find(scope(), id).orElseThrow();
		audit.created(AUDIT_TYPE, id, created);
		return created;
	}

	/** Activates, suspends or ends a membership; leaving ends its term today if it had no end. */
	@Transactional
	public Membership changeStatus(MembershipId id, int version, MembershipStatus status) {
		Membership before = records.find(scope(), id).orElseThrow(() -> new NotFound("membership " + id));
		LocalDate end = status == MembershipStatus.LEFT && before.termEnd() == null ? LocalDate.now(clock) : null;
		if (!singleHolder(() -> records.changeStatus(id, version, status, end))) {
			throw new ConcurrentChange("membership " + id);
		}
		Membership after = records.find(scope(), id).orElseThrow();
		audit.updated(AUDIT_TYPE, id, before, after);
		return after;
	}

	/** Open positions of the current term: what {@link #newTerm} closes. */
	public List<Member> openPositions(OrganisationId organisation) {
		requireOrganisation(organisation);
		return withPeople(records.openPositions(organisation));
	}

	/**
	 * 换届: every open position of the old term ends the day before {@code term.on()}; the new positions open
	 * on that day under the next term number. Plain memberships (会员) carry on.
	 */
	@Transactional
	public int newTerm(OrganisationId organisation, NewTerm term) {
		requireOrganisation(organisation);
		// The organisation's row stays locked until this transaction ends: a concurrent 换届 waits, then is refused.
		int current = organisations.lockTerm(scope(), organisation)
			.orElseThrow(() -> new NotFound("organisation " + organisation));
		if (term.fromTerm() != null && term.fromTerm() != current) {
			throw new Refused("term.stale");
		}
		if (term.positions().isEmpty()) {
			throw new Refused("term.positions.required");
		}
		for (NewTerm.Position p : term.positions()) {
			if (!p.role().position()) {
				throw new Refused("term.role.member");
			}
			if (people.find(p.person()).isEmpty()) {
				throw new Refused("member.person.outOfScope");
			}
			if (people.mergedInto(p.person()).isPresent()) {
				throw new Refused("member.person.mergedAway");
			}
		}
		LocalDate end = term.on().minusDays(1);
		List<Membership> old = records.positionsRunningAfter(organisation, end);
		if (old.stream().anyMatch(m -> m.termStart() != null && m.termStart().isAfter(end))) {
			throw Refused.field("on", "term.date.beforeOld");
		}
		if (!organisations.nextTerm(organisation, current)) {
			throw new Refused("term.stale");
		}
		int closed = records.closePositions(organisation, end);
		int next = current + 1;
		for (NewTerm.Position p : term.positions()) {
			singleHolder(() -> records.insert(organisation, p.person(), p.role(), next, term.on(), null,
					MembershipStatus.ACTIVE, JoinedVia.INVITATION));
		}
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("on", term.on().toString());
		detail.put("term", next);
		detail.put("closed", closed);
		detail.put("opened", term.positions().size());
		audit.record(AuditLog.Action.UPDATE, Organisations.AUDIT_TYPE, organisation, detail, "new term");
		return closed;
	}

	/**
	 * Runs a write that the database refuses when it would give a single-holder role (会长, 秘书长) a second
	 * active holder in the same term (the partial unique index of V96), and says so in the user's words.
	 */
	private static <T> T singleHolder(java.util.function.Supplier<T> write) {
		try {
			return write.get();
		}
		catch (DuplicateKeyException e) {
			if (String.valueOf(e.getMessage()).contains(SINGLE_HOLDER_INDEX)) {
				throw Refused.field("role", "member.role.singleHolder");
			}
			throw e;
		}
	}

	Organisation requireOrganisation(OrganisationId id) {
		return organisations.find(scope(), id).orElseThrow(() -> new NotFound("organisation " + id));
	}

	private List<Member> withPeople(List<Membership> rows) {
		Map<PersonId, PersonSummary> persons = people.summaries(rows.stream().map(Membership::person).toList());
		return rows.stream().map(m -> {
			PersonSummary p = persons.get(m.person());
			return p == null ? new Member(m, null, null, null, null)
					: new Member(m, p.name(), p.group(), p.place(), p.phoneMasked());
		}).toList();
	}

	private static <T> Stream<List<T>> batches(Stream<T> rows, int size) {
		java.util.Iterator<T> it = rows.iterator();
		java.util.Iterator<List<T>> batched = new java.util.Iterator<>() {
			@Override
			public boolean hasNext() {
				return it.hasNext();
			}

			@Override
			public List<T> next() {
				List<T> batch = new java.util.ArrayList<>(size);
				while (it.hasNext() && batch.size() < size) {
					batch.add(it.next());
				}
				return batch;
			}
		};
		return java.util.stream.StreamSupport.stream(
				java.util.Spliterators.spliteratorUnknownSize(batched, java.util.Spliterator.ORDERED), false);
	}

	private DataScope scope() {
		return currentUser.scope();
	}
}
