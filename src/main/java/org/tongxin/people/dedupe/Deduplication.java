package org.tongxin.people.dedupe;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.people.HistoryField;
import org.tongxin.people.MergeUndone;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.Person;
import org.tongxin.people.PersonId;
import org.tongxin.people.PersonsMerged;
import org.tongxin.people.internal.Masks;
import org.tongxin.platform.Actor;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.Conflict;
import org.tongxin.platform.CurrentUser;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.Exports;
import org.tongxin.platform.NotFound;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.Units;
import org.tongxin.platform.XlsxExport;
import org.tongxin.platform.crypto.FieldCipher;

/**
 * Duplicate review: candidate pairs in the caller's scope, merge with a choice per field, undo of a merge,
 * "not a duplicate". The surviving record is always the older one (lower id): its history, consent ledger
 * and links stay where other modules expect them.
 */
@Service
@Transactional(readOnly = true)
public class Deduplication {

	public static final String AUDIT_TYPE = "person-duplicate";

	private final Duplicates duplicates;

	private final Merges merges;

	private final PeopleRegistry registry;

	private final FieldCipher cipher;

	private final Units units;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final TransactionTemplate readOnly;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Exports exports;

	Deduplication(Duplicates duplicates, Merges merges, PeopleRegistry registry, FieldCipher cipher, Units units,
			CurrentUser currentUser, AuditLog audit, PlatformTransactionManager transactions,
			ApplicationEventPublisher events, Clock clock, Exports exports) {
		this.exports = exports;
		this.clock = clock;
		this.duplicates = duplicates;
		this.merges = merges;
		this.registry = registry;
		this.cipher = cipher;
		this.units = units;
		this.currentUser = currentUser;
		this.audit = audit;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.events = events;
	}

	/** Examines the persons changed since the last run; for events and the schedule (no user). */
	@Transactional
	public int detect() {
		return duplicates.detect();
	}

	/** The whole registry, once, after a bulk load. */
	@Transactional
	public int detectAll() {
		return duplicates.detectAll();
	}

	/** The central office's button: an incremental run now, audited. */
	@Transactional
	public int detectNow() {
		int found = duplicates.detect();
		audit.record(AuditLog.Action.CREATE, AUDIT_TYPE, null, Map.of("run", "manual", "pairs", found), null);
		return found;
	}

	/** {@code after} is the {@link DuplicatePair#cursor()} of the last pair of the previous page. */
	public List<DuplicatePair> page(DuplicateStatus status, @Nullable String after, int size) {
		Integer afterScore = null;
		Long afterId = null;
		if (after != null && after.matches("\\d{1,3}-\\d{1,18}")) {
			afterScore = Integer.valueOf(after.substring(0, after.indexOf('-')));
			afterId = Long.valueOf(after.substring(after.indexOf('-') + 1));
		}
		Places places = new Places();
		return duplicates.page(scope(), status, afterScore, afterId, size).stream().map(r -> pair(r, places)).toList();
	}

	public long count(DuplicateStatus status) {
		return duplicates.count(scope(), status);
	}

	/** Audited like the person export; the rows come masked whatever the caller's permissions. */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void export(DuplicateStatus status, XlsxExport.Sink<DuplicatePair> sink) throws IOException {
		DataScope scope = scope();
		exports.record(AUDIT_TYPE, null,
				Map.of("format", "xlsx", "status", status.name(), "rows", duplicates.count(scope, status)));
		try {
			readOnly.executeWithoutResult(tx -> {
				Places places = new Places();
				try (Stream<PairRow> rows = duplicates.stream(scope, status)) {
					sink.accept(rows.map(r -> pair(r, places)));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
	}

	/** A pair with both complete (masked) records, for the merge screen. */
	public Review review(long id) {
		PairRow row = duplicates.find(scope(), id).orElseThrow(() -> new NotFound("duplicate pair or merge", id));
		return new Review(pair(row, new Places()), registry.get(new PersonId(row.low().id())),
				registry.get(new PersonId(row.high().id())));
	}

	public record Review(DuplicatePair pair, Person left, Person right) {
	}

	@Transactional
	public void notDuplicate(long id) {
		PairRow row = open(id);
		duplicates.decide(id, DuplicateStatus.NOT_DUPLICATE, actor().username());
		audit.record(AuditLog.Action.UPDATE, AUDIT_TYPE, id,
				Map.of("low", row.low().id(), "high", row.high().id(), "status", DuplicateStatus.NOT_DUPLICATE), null);
	}

	/**
	 * Merges the pair into its older record: the fields chosen TAKE come from the other record (an ID number
	 * brings the sex and birth date it states), the consent ledger, history and platform accounts of the other
	 * record move over, both get a MERGE history entry, and the other record is marked merged.
	 *
	 * @return the id of the merge, for undo
	 */
	@Transactional
	public long merge(long id, Map<MergeField, MergeSide> choices) {
		PairRow row = open(id);
		String by = actor().username();
		long survivor = row.low().id();
		long merged = row.high().id();
		Person before = registry.get(new PersonId(survivor));
		Person other = registry.get(new PersonId(merged));
		Map<MergeField, MergeSide> chosen = new EnumMap<>(MergeField.class);
		chosen.putAll(choices);
		if (chosen.get(MergeField.ID_NUMBER) == MergeSide.TAKE && other.idNumberMasked() != null) {
			chosen.put(MergeField.SEX, MergeSide.TAKE);
			chosen.put(MergeField.BIRTH_DATE, MergeSide.TAKE);
		}
		else if (before.idNumberMasked() != null) {
			chosen.put(MergeField.SEX, MergeSide.KEEP);
			chosen.put(MergeField.BIRTH_DATE, MergeSide.KEEP);
		}
		List<MergeField> taken = chosen.entrySet().stream().filter(e -> e.getValue() == MergeSide.TAKE).map(Map.Entry::getKey).toList();

		String snapshot = merges.snapshot(survivor);
		merges.copyFields(survivor, merged, taken);
		List<Long> consents = merges.move("people_consent", merged, survivor);
		List<Long> history = merges.move("people_history", merged, survivor);
		List<Long> accounts = merges.move("people_platform_account", merged, survivor);
		merges.recomputeConsentState(survivor);
		merges.markMerged(merged, survivor);
		Person after = registry.get(new PersonId(survivor));

		List<Long> written = new ArrayList<>();
		changed(written, survivor, HistoryField.UNIT, before.place(), after.place(), by);
		changed(written, survivor, HistoryField.GROUP, before.group(), after.group(), by);
		changed(written, survivor, HistoryField.EMPLOYER, before.employer(), after.employer(), by);
		changed(written, survivor, HistoryField.POSITION, before.position(), after.position(), by);
		written.add(merges.history(survivor, HistoryField.MERGE, label(other), label(after), by));
		written.add(merges.history(merged, HistoryField.MERGE, label(other), label(after), by));
		long mergeId = merges.insert(id, survivor, merged, snapshot, merges.version(survivor), consents, history,
				accounts, written, by);
		duplicates.decide(id, DuplicateStatus.MERGED, by);
		// Listeners run synchronously in this transaction: memberships and registrations move with the merge,
		// or nothing does.
		events.publishEvent(new PersonsMerged(mergeId, new PersonId(survivor), new PersonId(merged)));

		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("merge", mergeId);
		detail.put("taken", taken);
		detail.put("merged", other.id());
		detail.put("changes", audit.changes(before, after, PeopleRegistry.AUDITED).fields());
		audit.record(AuditLog.Action.UPDATE, PeopleRegistry.AUDIT_TYPE, survivor, detail, "merge");
		return mergeId;
	}

	/**
	 * Restores both records as they were before the merge and reopens the pair. Refused once the survivor
	 * has been edited since: undo would silently throw that edit away.
	 */
	@Transactional
	public void undo(long mergeId) {
		Merges.Merge merge = merges.findStanding(scope(), mergeId).orElseThrow(() -> new NotFound("duplicate pair or merge", mergeId));
		if (merges.version(merge.survivorId()) != merge.survivorVersion()) {
			throw new Conflict("duplicate.undo.conflict");
		}
		String by = actor().username();
		Person before = registry.get(new PersonId(merge.survivorId()));
		merges.deleteHistory(merge.writtenHistory());
		merges.moveBack("people_consent", merge.movedConsents(), merge.mergedId());
		merges.moveBack("people_history", merge.movedHistory(), merge.mergedId());
		merges.moveBack("people_platform_account", merge.movedAccounts(), merge.mergedId());
		merges.restore(merge.survivorId(), mergeId);
		merges.markMerged(merge.mergedId(), null);
		events.publishEvent(new MergeUndone(mergeId, new PersonId(merge.survivorId()), new PersonId(merge.mergedId())));
		merges.undone(mergeId, by);
		duplicates.decide(merge.duplicateId(), DuplicateStatus.OPEN, null);
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("merge", mergeId);
		detail.put("changes", audit.changes(before, registry.get(new PersonId(merge.survivorId())), PeopleRegistry.AUDITED)
			.fields());
		detail.put("restored", merge.mergedId());
		audit.record(AuditLog.Action.UPDATE, PeopleRegistry.AUDIT_TYPE, merge.survivorId(), detail, "merge undone");
	}

	private void changed(List<Long> written, long person, HistoryField field, @Nullable String before,
			@Nullable String after, String by) {
		if (!Objects.equals(before, after)) {
			written.add(merges.history(person, field, before, after, by));
		}
	}

	/** "#123 王伟": how a history entry names the records of a merge. */
	private static String label(Person person) {
		return "#" + person.id().value() + " " + Objects.requireNonNullElse(person.name(), "");
	}

	private PairRow open(long id) {
		PairRow row = duplicates.find(scope(), id).orElseThrow(() -> new NotFound("duplicate pair or merge", id));
		if (!duplicates.lockOpen(id)) {
			throw new Conflict("duplicate.decided");
		}
		return row;
	}

	private DuplicatePair pair(PairRow row, Places places) {
		return new DuplicatePair(row.id(), side(row.low(), places), side(row.high(), places), row.score(), row.reasons(),
				row.status(), row.foundAt(), row.mergeId());
	}

	private DuplicatePair.Side side(PairRow.Side s, Places places) {
		boolean revealer = currentUser.find().map(a -> a.can(PeopleRegistry.REVEAL)).orElse(false);
		return new DuplicatePair.Side(s.id(), places.of(s.unitId()), s.name(), s.sex(), revealer ? s.birthDate() : null,
				Masks.birthDecade(s.birthDate(), java.time.LocalDate.now(clock)), s.employer(),
				Masks.phone(decrypted(s.phoneCipher())), Masks.idNumber(decrypted(s.idNumberCipher())));
	}

	private @Nullable String decrypted(byte @Nullable [] stored) {
		return stored == null ? null : cipher.decrypt(stored);
	}

	private Actor actor() {
		return currentUser.actor();
	}

	private DataScope scope() {
		return currentUser.scope();
	}

	private final class Places {

		private final Map<Long, String> names = new HashMap<>();

		String of(long unit) {
			return names.computeIfAbsent(unit, id -> units.place(new UnitId(id)));
		}
	}
}
