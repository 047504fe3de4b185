package org.tongxin.people;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongxin.people.internal.Consents;
import org.tongxin.people.internal.Dictionaries;
import org.tongxin.people.internal.ExactSearches;
import org.tongxin.people.internal.Histories;
import org.tongxin.people.internal.Masks;
import org.tongxin.people.internal.PersonRow;
import org.tongxin.people.internal.PersonRules;
import org.tongxin.people.internal.PersonValues;
import org.tongxin.people.internal.Persons;
import org.tongxin.people.internal.PlatformAccounts;
import org.tongxin.platform.Actor;
import org.tongxin.platform.AuditFields;
import org.tongxin.platform.AuditLog;
import org.tongxin.platform.ConcurrentChange;
import org.tongxin.platform.Conflict;
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
import org.tongxin.platform.crypto.FieldCipher;

/**
 * The people registry. Everything runs in the caller's data scope; sensitive values leave it masked,
 * except through {@link #reveal} (audited, with a reason) and exports by holders of people:reveal
 * (audited). Every change is audited with before and after — both masked.
 */
@Service
@Transactional(readOnly = true)
public class PeopleRegistry {

	public static final String AUDIT_TYPE = "person";

	/**
	 * The fields of a {@link Person} whose values the audit log may keep: the classification and the
	 * record's bookkeeping. Every other field (name, birth date, ID and phone, email, address, employer, notes,
	 * and any field added later) is recorded as "changed" without its values.
	 */
	/** The kind of exact-identifier lookup audited for the duplicate check of a person's ID number. */
	public static final String ID_NUMBER_CHECK = "ID_NUMBER_CHECK";

	public static final AuditFields AUDITED = AuditFields.onlyValuesOf("id", "unit", "place", "regionCode", "group",
			"subgroup", "sector", "education", "religionRecorded", "legalBasis", "consentState", "createdAt",
			"updatedAt", "version", "anonymisedAt");

	/** A new-media account's handle names the person. */
	static final AuditFields AUDITED_PLATFORM_ACCOUNT = AuditFields.onlyValuesOf("id", "platform", "followers",
			"verified");

	public static final String REVEAL = "people:reveal";

	private final Persons persons;

	private final Consents consents;

	private final Histories histories;

	private final PlatformAccounts platformAccounts;

	private final Dictionaries dictionaries;

	private final FieldCipher cipher;

	private final Units units;

	private final CurrentUser currentUser;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate readOnly;

	private final ExactSearches exactSearches;

	private final Clock clock;

	private final Exports exports;

	PeopleRegistry(Persons persons, Consents consents, Histories histories, PlatformAccounts platformAccounts,
			Dictionaries dictionaries, FieldCipher cipher, Units units, CurrentUser currentUser, AuditLog audit,
			ApplicationEventPublisher events, PlatformTransactionManager transactions, ExactSearches exactSearches,
					Clock clock, Exports exports) {
		this.exports = exports;
		this.clock = clock;
		this.persons = persons;
		this.consents = consents;
		this.histories = histories;
		this.platformAccounts = platformAccounts;
		this.dictionaries = dictionaries;
		this.cipher = cipher;
		this.units = units;
		this.currentUser = currentUser;
		this.audit = audit;
		this.events = events;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.exactSearches = exactSearches;
	}

	public List<PersonSummary> page(PersonFilter filter, @Nullable Long before, int size) {
		admitExactSearch(filter);
		Places places = new Places();
		return persons.page(scope(), visible(filter), before, size).stream().map(row -> summary(row, places)).toList();
	}

	/** The columns the list may be sorted by ({@code sort=name}, {@code sort=-employer}). */
	public static Map<String, String> sorts() {
		return Persons.SORTS;
	}

	/**
	 * One page in the order the user chose by a column header. Only for a list the caller has counted exactly
	 * and found at most {@code SORTABLE_UP_TO} rows long (see Persons#sortedPage for why).
	 */
	public List<PersonSummary> sortedPage(PersonFilter filter, SortOrder sort,
			@Nullable Long before, int size) {
		admitExactSearch(filter);
		Places places = new Places();
		return persons.sortedPage(scope(), visible(filter), sort, before, size).stream()
			.map(row -> summary(row, places))
			.toList();
	}

	/** Ids of the persons the search box would find for {@code query} in the caller's scope, newest first. */
	public List<PersonId> idsMatching(String query, int limit) {
		admitExactSearch(PersonFilter.query(query));
		return persons.ids(scope(), visible(PersonFilter.query(query)), limit).stream().map(PersonId::new).toList();
	}

	public long count(PersonFilter filter) {
		return persons.count(scope(), visible(filter));
	}

	/** What a list page says about its size: exact, more than {@code cap}, or about an estimate. */
	public org.tongxin.platform.Tally tally(PersonFilter filter, long cap) {
		return persons.tally(scope(), visible(filter), cap);
	}

	/** The count up to {@code cap}; a result equal to the cap means "at least that many". */
	public long countUpTo(PersonFilter filter, long cap) {
		return persons.countUpTo(scope(), visible(filter), cap);
	}

	/**
	 * Audits the export (filter, row count, masked or clear), then feeds the scoped rows to {@code sink}
	 * inside one read transaction, from a database cursor. The audit entry is committed first, on its
	 * own: an export that fails halfway has still been attempted.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public void export(PersonFilter filter, String format, XlsxExport.Sink<ExportedPerson> sink) throws IOException {
		Actor actor = currentUser.actor();
		boolean clear = actor.can(REVEAL);
		admitExactSearch(filter);
		long rows = persons.exportedCount(actor.scope(), visible(filter));
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("format", format);
		detail.put("filter", filter.described());
		detail.put("rows", rows);
		detail.put("sensitive", clear ? "clear" : "masked");
		exports.record(AUDIT_TYPE, null, detail);
		try {
			readOnly.executeWithoutResult(status -> {
				Places places = new Places();
				java.util.Set<Long> sensitiveWithdrawn = clear ? consents.sensitiveWithdrawn(actor.scope()) : java.util.Set.of();
				LocalDate today = LocalDate.now(clock);
				try (Stream<PersonRow> stream = persons.exported(actor.scope(), visible(filter))) {
					sink.accept(stream.map(row -> exported(row, places.of(row.unitId()), this::decrypted,
							clear && !sensitiveWithdrawn.contains(row.id()), today)));
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

	/**
	 * Summaries of the persons among {@code ids} that lie in the caller's scope, by id: for member lists and
	 * figures in other modules (organisations), which hold person ids only.
	 */
	public Map<PersonId, PersonSummary> summaries(java.util.Collection<PersonId> ids) {
		Places places = new Places();
		Map<PersonId, PersonSummary> result = new LinkedHashMap<>();
		List<Long> values = ids.stream().map(PersonId::value).distinct().toList();
		for (int from = 0; from < values.size(); from += 1000) {
			for (PersonRow row : persons.findAll(scope(), values.subList(from, Math.min(values.size(), from + 1000)))) {
				PersonSummary summary = summary(row, places);
				result.put(summary.id(), summary);
			}
		}
		return result;
	}

	/**
	 * The group code of each person among {@code ids} that lies in the caller's scope, by id: for figures in other
	 * modules that only count persons by group. Reads plain columns; nothing is decrypted.
	 */
	public Map<PersonId, String> groups(java.util.Collection<PersonId> ids) {
		Map<PersonId, String> result = new HashMap<>();
		List<Long> values = ids.stream().map(PersonId::value).distinct().toList();
		for (int from = 0; from < values.size(); from += 1000) {
			persons.groupsOf(scope(), values.subList(from, Math.min(values.size(), from + 1000)))
				.forEach((id, group) -> result.put(new PersonId(id), group));
		}
		return result;
	}

	/**
	 * The person of the caller's scope with this ID number, or else with this mobile number, matched through
	 * the keyed hashes (imports of other modules match people this way); empty when none or several match.
	 */
	public Optional<PersonId> identify(@Nullable String idNumber, @Nullable String mobile) {
		for (String key : new String[] { idNumber, mobile }) {
			// Only whole numbers: anything else would fall through to the name search.
			if (key != null && key.strip().matches("1\\d{10}|\\d{15}|\\d{17}[\\dxX]")) {
				List<PersonRow> rows = persons.page(scope(), PersonFilter.query(key.strip()), null, 2);
				if (rows.size() == 1) {
					return Optional.of(new PersonId(rows.get(0).id()));
				}
			}
		}
		return Optional.empty();
	}

	/** Whether the record has not been updated for the configured retention period. */
	public boolean beyondRetention(Person person) {
		return person.updatedAt().isBefore(persons.retentionCutoff());
	}

	public Optional<Person> find(PersonId id) {
		return persons.find(scope(), id.value()).map(row -> person(row, new Places()));
	}

	public Person get(PersonId id) {
		return find(id).orElseThrow(() -> new NotFound("person", id));
	}

	/** The survivor a person of the scope was merged into; empty while the person is a record of its own. */
	public Optional<PersonId> mergedInto(PersonId id) {
		return persons.mergedInto(scope(), id.value()).map(PersonId::new);
	}

	/** Refuses any change to a person merged away as a duplicate: only undoing the merge may touch it. */
	public void requireNotMergedAway(PersonId id) {
		Optional<PersonId> survivor = mergedInto(id);
		if (survivor.isPresent()) {
			throw new PersonMergedAway(id, survivor.get());
		}
	}

	/**
	 * A person whose record may still change: one merged away is refused ({@link #requireNotMergedAway}), one
	 * anonymised is not found, as if it were gone.
	 */
	private Person changeable(PersonId id) {
		requireNotMergedAway(id);
		Person person = get(id);
		if (person.anonymised()) {
			throw new NotFound("person", id);
		}
		return person;
	}

	public List<HistoryEntry> history(PersonId id) {
		return histories.of(scope(), id.value());
	}

	public List<ConsentRecord> consents(PersonId id) {
		return consents.of(scope(), id.value());
	}

	public List<PlatformAccount> platformAccounts(PersonId id) {
		return platformAccounts.of(scope(), id.value());
	}

	/**
	 * One sensitive value in clear, for this request only; audited with the reason given. Refused once the
	 * person has withdrawn consent to the processing of sensitive information (the ID number and religion), or
	 * withdrawn basic consent (any field), until consent is given again.
	 */
	@Transactional
	public @Nullable String reveal(PersonId id, SensitiveField field, String reason) {
		if (!currentUser.actor().can(REVEAL)) {
			throw new AccessDeniedException("people:reveal required");
		}
		if (reason.isBlank()) {
			throw new IllegalArgumentException("a reason is required to reveal a sensitive value");
		}
		PersonRow row = persons.find(scope(), id.value()).orElseThrow(() -> new NotFound("person", id));
		if (ConsentState.WITHDRAWN.name().equals(row.consentState())) {
			throw new ConsentWithdrawn(id, ConsentScope.BASIC);
		}
		if ((field == SensitiveField.ID_NUMBER || field == SensitiveField.RELIGION)
				&& consents.withdrawn(id.value(), ConsentScope.SENSITIVE)) {
			throw new ConsentWithdrawn(id, ConsentScope.SENSITIVE);
		}
		byte[] stored = switch (field) {
			case ID_NUMBER -> row.idNumberCipher();
			case PHONE -> row.phoneCipher();
			case RELIGION -> row.religionCipher();
			case EMAIL -> row.emailCipher();
			case ADDRESS -> row.addressCipher();
		};
		audit.revealed(AUDIT_TYPE, id, field.name(), reason.strip());
		return stored == null ? null : cipher.decrypt(stored);
	}

	/**
	 * Registers a person entered by a user (form or API). Its ID number is checked against the scope's
	 * registrations, and the answer ("already registered") confirms a whole ID number: the check counts
	 * against the account's exact-identifier allowance and is audited by its keyed hash, like an exact search.
	 */
	@Transactional
	public Person create(PersonForm form) {
		return create(form, true);
	}

	/**
	 * Registers a person for an import that has looked the ID number up with {@link #identify} first and
	 * found nobody: the duplicate check then answers nothing the lookup has not, so it is not counted against
	 * the exact-identifier allowance and a bulk import is not held to a user's pace.
	 */
	@Transactional
	public Person createIdentified(PersonForm form) {
		return create(form, false);
	}

	private Person create(PersonForm form, boolean checksCounted) {
		Actor actor = currentUser.actor();
		PersonValues values = values(form, ownerUnit(form.unit()), null, checksCounted);
		long id = persons.insert(values);
		Person person = get(new PersonId(id));
		audit.created(AUDIT_TYPE, person.id(), person, AUDITED);
		events.publishEvent(new PersonRegistered(person.id(), person.unit()));
		return person;
	}

	@Transactional
	public Person update(PersonId id, int version, PersonForm form) {
		Person before = changeable(id);
		PersonValues values = values(form, ownerUnit(form.unit()), before, true);
		if (!persons.update(id.value(), version, values)) {
			throw new ConcurrentChange("person " + id);
		}
		Person after = get(id);
		String by = currentUser.actor().username();
		record(id, HistoryField.UNIT, before.place(), after.place(), by);
		record(id, HistoryField.GROUP, before.group(), after.group(), by);
		record(id, HistoryField.EMPLOYER, before.employer(), after.employer(), by);
		record(id, HistoryField.POSITION, before.position(), after.position(), by);
		audit.updated(AUDIT_TYPE, id, before, after, AUDITED);
		events.publishEvent(new PersonUpdated(id));
		return after;
	}

	/** Deletion under PIPL: identifying data erased, the statistical remainder kept. */
	@Transactional
	public Person anonymise(PersonId id) {
		requireNotMergedAway(id);
		Person before = get(id);
		if (before.anonymised()) {
			return before;
		}
		persons.anonymise(id.value());
		Person after = get(id);
		audit.changed(AuditLog.Action.DELETE, AUDIT_TYPE, id, audit.changes(before, after, AUDITED), "anonymised");
		events.publishEvent(new PersonAnonymised(id));
		return after;
	}

	/** Adds an account on a new-media platform; the platform must be an active PLATFORM dictionary entry. */
	@Transactional
	public PlatformAccount addPlatformAccount(PersonId id, PlatformAccountForm form) {
		changeable(id);
		DictionaryEntry platform = dictionaries.all().getOrDefault("PLATFORM", Map.of()).get(form.platform());
		if (platform == null || !platform.active()) {
			throw Refused.fields(Map.of("platform", "person.account.platform.unknown"));
		}
		long account = platformAccounts.add(id.value(), form);
		audit.changed(AuditLog.Action.CREATE, "person-platform-account", id,
				audit.changes(null, form, AUDITED_PLATFORM_ACCOUNT), null);
		return platformAccounts.of(scope(), id.value()).stream().filter(a -> a.id() == account).findFirst().orElseThrow();
	}

	@Transactional
	public void removePlatformAccount(PersonId id, long account) {
		requireNotMergedAway(id);
		PlatformAccount removed = platformAccounts.of(scope(), id.value()).stream()
			.filter(a -> a.id() == account)
			.findFirst()
			.orElseThrow(() -> new NotFound("person", id));
		platformAccounts.remove(scope(), id.value(), account);
		audit.changed(AuditLog.Action.DELETE, "person-platform-account", id,
				audit.changes(removed, null, AUDITED_PLATFORM_ACCOUNT), null);
	}

	@Transactional
	public void recordConsent(PersonId id, ConsentForm form) {
		changeable(id);
		consents.append(id.value(), form, currentUser.actor().username());
		if (form.scope() == ConsentScope.BASIC && form.event() != null) {
			persons.consentState(id.value(), form.event().name());
		}
		audit.record(AuditLog.Action.CREATE, "person-consent", id, form, null);
	}

	public DictionaryLabels labels(Locale locale) {
		return new DictionaryLabels(dictionaries.all(), locale);
	}

	public List<String> dictionaryKinds() {
		return dictionaries.kinds();
	}

	@Transactional
	public void addDictionaryEntry(String kind, String code, String labelZh, String labelEn, @Nullable String parent,
			int sort) {
		if (dictionaries.exists(kind, code)) {
			throw Refused.fields(Map.of("code", "dictionary.code.duplicate"));
		}
		dictionaries.insert(kind, code, labelZh, labelEn, parent, sort);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("kind", kind);
		after.put("code", code);
		after.put("labelZh", labelZh);
		after.put("labelEn", labelEn);
		audit.created("people-dictionary", kind + ":" + code, after);
	}

	@Transactional
	public void activateDictionaryEntry(String kind, String code, boolean active) {
		dictionaries.activate(kind, code, active);
		audit.updated("people-dictionary", kind + ":" + code, Map.of("active", !active), Map.of("active", active));
	}

	/** The owning-unit picker of the person form, within the caller's scope. */
	public UnitPicker unitPicker(@Nullable Long city) {
		return units.picker(scope(), city);
	}

	/** The city a unit belongs to: itself, or the city above a district. */
	public UnitId cityOf(UnitId unit) {
		return units.cityOf(units.get(unit)).id();
	}

	/** The region code (city or municipality) of an owning unit: the Citus distribution column. */
	public String regionCodeOf(Unit unit) {
		return Objects.requireNonNull(units.cityOf(unit).code(), "a city has a code");
	}

	private void record(PersonId id, HistoryField field, @Nullable String before, @Nullable String after, String by) {
		if (!Objects.equals(before, after)) {
			histories.append(id.value(), field, before, after, by);
		}
	}

	/** The unit a form names, within the scope; null when it names none (a rule {@link #values} reports). */
	private @Nullable Unit ownerUnit(@Nullable Long unitId) {
		if (unitId == null) {
			return null;
		}
		Unit unit = units.find(scope(), new UnitId(unitId))
			.orElseThrow(() -> new AccessDeniedException("unit outside the data scope"));
		if (!unit.cityOrDistrict()) {
			throw Refused.fields(Map.of("unit", "person.unit.level"));
		}
		return unit;
	}

	/** Checks what only the registry can check, and encrypts and hashes the sensitive values. */
	private PersonValues values(PersonForm form, @Nullable Unit unit, @Nullable Person self, boolean checksCounted) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (unit == null) {
			errors.put("unit", "person.unit.required");
		}
		if (form.legalBasis() == null) {
			errors.put("legalBasis", "person.legalBasis.required");
		}
		DictionaryLabels dict = labels(Locale.SIMPLIFIED_CHINESE);
		Sex sex = form.sex();
		java.time.LocalDate birthDate = form.birthDate();
		byte[] idCipher = null;
		byte[] idHash = null;
		boolean keepId = self != null && blank(form.idNumber());
		// Read from the row: the Person of a viewer without people:reveal carries no birth date.
		LocalDate storedBirth = self == null ? null
				: persons.find(scope(), self.id().value()).map(PersonRow::birthDate).orElse(null);
		if (keepId && self.idNumberMasked() != null) {
			// The stored ID number stays, and with it the sex and birth date it states.
			sex = self.sex();
			birthDate = storedBirth;
		}
		else if (self != null && birthDate == null && !revealer()) {
			// The form could not show this viewer the birth date, so an empty field means "unchanged".
			birthDate = storedBirth;
		}
		String name = blank(form.name()) ? null : PersonNames.normalise(Objects.requireNonNull(form.name()));
		List<String> tags = PersonRules.tags(form.tags());
		IdNumber number = blank(form.idNumber()) ? null
				: IdNumber.parse(Objects.requireNonNull(form.idNumber())).orElse(null);
		if (number != null) {
			// The ID number is authoritative for sex and birth date.
			sex = number.sex();
			birthDate = number.birthDate();
		}
		PersonRules.Entry entry = new PersonRules.Entry(name, sex == null ? null : sex.name(), birthDate,
				trimmed(form.idNumber()), trimmed(form.phone()), trimmed(form.email()), trimmed(form.group()),
				trimmed(form.subgroup()), trimmed(form.affiliation()), trimmed(form.party()), trimmed(form.religion()),
				trimmed(form.employer()), trimmed(form.position()), trimmed(form.address()), trimmed(form.notes()), tags);
		for (PersonRules.Violation broken : PersonRules.check(entry, LocalDate.now(clock),
				subgroup -> dict.parentOf("SUBGROUP", subgroup))) {
			errors.putIfAbsent(fieldName(broken.field()), formMessage(broken));
		}
		if (number != null) {
			idHash = cipher.hash(FieldCipher.Purpose.ID_NUMBER, number.value());
			if (checksCounted) {
				// "Already registered" confirms the number: an oracle like the exact search (issue 9, item 2).
				exactSearches.admit(currentUser.actor(), ID_NUMBER_CHECK, idHash);
			}
			List<Long> holders = new ArrayList<>(persons.withIdNumber(scope(), idHash));
			if (self != null) {
				holders.remove(Long.valueOf(self.id().value()));
			}
			if (!holders.isEmpty()) {
				errors.putIfAbsent("idNumber", "person.idNumber.duplicate");
			}
			idCipher = cipher.encrypt(number.value());
		}
		byte[] phoneCipher = null;
		byte[] phoneHash = null;
		byte[] phoneSuffixHash = null;
		boolean keepPhone = self != null && blank(form.phone());
		if (!blank(form.phone())) {
			String phone = Objects.requireNonNull(form.phone()).strip();
			phoneCipher = cipher.encrypt(phone);
			phoneHash = cipher.hash(FieldCipher.Purpose.PHONE, phone);
			phoneSuffixHash = cipher.hash(FieldCipher.Purpose.PHONE_SUFFIX, phone.substring(Math.max(0, phone.length() - 4)));
		}
		boolean keepReligion = self != null && blank(form.religion());
		// Email and address are shown masked, so the form starts empty; empty keeps the stored value.
		boolean keepEmail = self != null && blank(form.email());
		boolean keepAddress = self != null && blank(form.address());
		byte[] religionCipher = blank(form.religion()) ? null : cipher.encrypt(Objects.requireNonNull(form.religion()).strip());
		checkCode(errors, dict, "group", "GROUP", form.group());
		checkCode(errors, dict, "ethnicity", "ETHNICITY", form.ethnicity());
		checkCode(errors, dict, "education", "EDUCATION", form.education());
		checkCode(errors, dict, "affiliation", "AFFILIATION", form.affiliation());
		checkCode(errors, dict, "sector", "SECTOR", form.sector());
		checkCode(errors, dict, "subgroup", "SUBGROUP", form.subgroup());
		if (PersonRules.DEMOCRATIC.equals(form.affiliation())) {
			checkCode(errors, dict, "party", "PARTY", form.party());
		}
		if (!errors.isEmpty()) {
			throw Refused.fields(errors);
		}
		Unit owner = Objects.requireNonNull(unit);
		return new PersonValues(owner.id().value(), regionCodeOf(owner), Objects.requireNonNull(name),
				Objects.requireNonNull(sex).name(), birthDate, trimmed(form.ethnicity()), idCipher, idHash, phoneCipher,
				phoneHash, phoneSuffixHash, encrypted(form.email()), trimmed(form.education()), trimmed(form.affiliation()),
				"DEMOCRATIC".equals(form.affiliation()) ? trimmed(form.party()) : null, religionCipher,
				Objects.requireNonNull(form.group()), trimmed(form.subgroup()), trimmed(form.employer()),
				trimmed(form.position()), trimmed(form.sector()), encrypted(form.address()), tags, trimmed(form.notes()),
				Objects.requireNonNull(form.legalBasis()).name(), keepId, keepPhone, keepReligion, keepEmail,
				keepAddress);
	}

	/** The form's field a rule speaks of: NAME is "name", ID_NUMBER "idNumber". */
	static String fieldName(PersonRules.Field field) {
		String[] words = field.name().toLowerCase(Locale.ROOT).split("_");
		StringBuilder name = new StringBuilder(words[0]);
		for (int i = 1; i < words.length; i++) {
			name.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
		}
		return name.toString();
	}

	/** The form's words for a broken rule: "person.<field>.<what>" (messages-people). */
	static String formMessage(PersonRules.Violation broken) {
		String what = switch (broken.rule()) {
			case REQUIRED -> "required";
			case TOO_LONG -> "size";
			case INVALID -> "invalid";
			case IN_FUTURE -> "past";
			case NOT_OF_GROUP -> "mismatch";
			case NOT_DEMOCRATIC -> "notDemocratic";
		};
		return "person." + fieldName(broken.field()) + "." + what;
	}

	private static void checkCode(Map<String, String> errors, DictionaryLabels dict, String field, String kind,
			@Nullable String code) {
		if (!blank(code) && !dict.contains(kind, code)) {
			errors.putIfAbsent(field, "person.dictionary.invalid");
		}
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private byte @Nullable [] encrypted(@Nullable String text) {
		String value = trimmed(text);
		return value == null ? null : cipher.encrypt(value);
	}

	private static @Nullable String trimmed(@Nullable String text) {
		return blank(text) ? null : Objects.requireNonNull(text).strip();
	}

	private DataScope scope() {
		return currentUser.scope();
	}

	private PersonSummary summary(PersonRow row, Places places) {
		return summary(row, places.of(row.unitId()), this::decrypted, revealer(), LocalDate.now(clock));
	}

	private Person person(PersonRow row, Places places) {
		return person(row, places.of(row.unitId()), this::decrypted, revealer(), LocalDate.now(clock));
	}

	/**
	 * A list row as {@code revealer} or anyone else sees it: the one place (with {@link #person}) that decides
	 * what of a person is shown, so that the masks hold across list, page, export and API.
	 */
	static PersonSummary summary(PersonRow row, String place, java.util.function.Function<byte[], String> decrypt,
			boolean revealer, LocalDate today) {
		return new PersonSummary(new PersonId(row.id()), new UnitId(row.unitId()), place, row.name(),
				row.sex() == null ? null : Sex.valueOf(row.sex()), revealer ? row.birthDate() : null,
				Masks.birthDecade(row.birthDate(), today), row.group(), row.subgroup(), row.employer(),
				row.position(), Masks.phone(clear(row.phoneCipher(), decrypt)), ConsentState.valueOf(row.consentState()));
	}

	/** A person as {@code revealer} or anyone else sees them; the ID number is masked for both (reveal is audited). */
	static Person person(PersonRow row, String place, java.util.function.Function<byte[], String> decrypt,
			boolean revealer, LocalDate today) {
		return new Person(new PersonId(row.id()), new UnitId(row.unitId()), place, row.regionCode(), row.name(),
				row.sex() == null ? null : Sex.valueOf(row.sex()), revealer ? row.birthDate() : null,
				Masks.birthDecade(row.birthDate(), today), row.ethnicity(),
				Masks.idNumber(clear(row.idNumberCipher(), decrypt)), Masks.phone(clear(row.phoneCipher(), decrypt)),
				Masks.email(clear(row.emailCipher(), decrypt)), row.education(), row.affiliation(), row.party(),
				row.religionCipher() != null, row.group(), row.subgroup(), row.employer(), row.position(), row.sector(),
				Masks.address(clear(row.addressCipher(), decrypt)), row.tags(), row.notes(),
				LegalBasis.valueOf(row.legalBasis()), ConsentState.valueOf(row.consentState()), row.createdAt(),
				row.updatedAt(), row.version(), row.anonymisedAt());
	}

	/** An export row: masked as {@link #person} masks it, or — for holders of people:reveal — ID and phone in clear. */
	static ExportedPerson exported(PersonRow row, String place, java.util.function.Function<byte[], String> decrypt,
			boolean clear, LocalDate today) {
		Person person = person(row, place, decrypt, clear, today);
		if (!clear) {
			return new ExportedPerson(person, person.idNumberMasked(), person.phoneMasked(), person.emailMasked(),
					person.addressMasked(), false);
		}
		return new ExportedPerson(person, clear(row.idNumberCipher(), decrypt), clear(row.phoneCipher(), decrypt),
				clear(row.emailCipher(), decrypt), clear(row.addressCipher(), decrypt), true);
	}

	private static @Nullable String clear(byte @Nullable [] stored, java.util.function.Function<byte[], String> decrypt) {
		return stored == null ? null : decrypt.apply(stored);
	}

	/**
	 * A search for a whole mobile or ID number is an oracle for the number: audited with its keyed hash and
	 * limited per account (throws {@link ExactSearches.TooManyExactSearches}). Only numbers that can match
	 * count: an ID number with a wrong check character finds nobody.
	 */
	private void admitExactSearch(PersonFilter filter) {
		String q = filter.query() == null ? "" : filter.query().strip();
		if (q.matches("1\\d{10}")) {
			exactSearches.admit(currentUser.actor(), SensitiveField.PHONE.name(), cipher.hash(FieldCipher.Purpose.PHONE, q));
		}
		else if (q.matches("\\d{15}|\\d{17}[\\dxX]")) {
			Optional<IdNumber> id = IdNumber.parse(q);
			if (id.isPresent()) {
				exactSearches.admit(currentUser.actor(), SensitiveField.ID_NUMBER.name(),
						cipher.hash(FieldCipher.Purpose.ID_NUMBER, id.get().value()));
			}
		}
	}

	/** The filter as this viewer may apply it: by whole decades of birth unless they may see birth dates. */
	private PersonFilter visible(PersonFilter filter) {
		return revealer() ? filter : filter.inWholeDecades();
	}

	/** Whether the signed-in account may see birth dates (and reveal); system work without an account may not. */
	private boolean revealer() {
		return currentUser.find().map(actor -> actor.can(REVEAL)).orElse(false);
	}

	/** What the audit log keeps of a person: the view of someone without people:reveal, whoever made the change. */
	private @Nullable String decrypted(byte @Nullable [] stored) {
		return stored == null ? null : cipher.decrypt(stored);
	}

	/** Place names of units, looked up once per unit within one list or export. */
	private final class Places {

		private final Map<Long, String> names = new HashMap<>();

		String of(long unit) {
			return names.computeIfAbsent(unit, id -> units.place(new UnitId(id)));
		}
	}

	/**
	 * The person withdrew the consent that covers the value asked for; a new consent event lifts it. The detail
	 * names which consent.
	 */
	public static class ConsentWithdrawn extends Conflict {

		private final ConsentScope scope;

		public ConsentWithdrawn(PersonId id, ConsentScope scope) {
			super("people.consent.withdrawn");
			this.scope = scope;
		}

		public ConsentScope scope() {
			return scope;
		}

		@Override
		public String detailKey() {
			return "person.reveal.withdrawn." + scope;
		}
	}
}
