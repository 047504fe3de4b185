package org.tongxin.people.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.people.PersonFilter;
import org.tongxin.people.PersonNames;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.LikePatterns;
import org.tongxin.platform.SortOrder;
import org.tongxin.platform.SqlDates;
import org.tongxin.platform.Tally;
import org.tongxin.platform.Unit;
import org.tongxin.platform.crypto.FieldCipher;

/**
 * Persons. Every read restricts {@code p.unit_id} to the caller's {@link DataScope} inside its SQL: a person
 * outside the scope is not found by list, search, count, id or export.
 * <p>
 * The filter's SQL is assembled from fixed fragments for the criteria actually set (values are always
 * bound): "column = :value or :value is null" would leave PostgreSQL's generic plans unable to pick the
 * right index at ten million rows.
 */
@Repository
public class Persons {

	private static final String COLUMNS = """
			p.id, p.unit_id, p.region_code, p.name, p.sex, p.birth_date, p.ethnicity, p.id_number_cipher, p.phone_cipher,
			p.email_cipher, p.education, p.affiliation, p.party, p.religion_cipher, p.group_code, p.subgroup, p.employer,
			p.position, p.sector, p.address_cipher, p.tags, p.notes, p.legal_basis, p.consent_state, p.created_at,
			p.updated_at, p.version, p.anonymised_at""";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final int retentionYears;

	private final Clock clock;

	Persons(JdbcClient jdbc, FieldCipher cipher, @Value("${tongxin.people.retention-years:5}") int retentionYears, Clock clock) {
		this.clock = clock;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.retentionYears = retentionYears;
	}

	/** Records last updated before this instant are beyond the retention period and due for review (PIPL art. 19). */
	public Instant retentionCutoff() {
		return java.time.ZonedDateTime.now(clock).minusYears(retentionYears).toInstant();
	}

	/**
	 * A short name fragment, newest first. One or two characters can match tens of thousands of persons in
	 * a large city, and fetching them all to keep the newest twenty costs one heap page per match. Ids grow
	 * with insertion, so the newest matches lie in the newest ids: the page is first looked for among the
	 * newest {@value #FIRST_WINDOW} ids (the planner intersects the gram index with a range of the primary
	 * key). What that window holds also measures how common the fragment is: a rare one is read whole (few
	 * matches in all), a common one in a second window sized to hold the page.
	 */
	private static final long FIRST_WINDOW = 20_000;

	/** The planner's estimate of the rows of a plan's top node, from EXPLAIN (FORMAT JSON). */
	private static final Pattern PLAN_ROWS = Pattern.compile("\"Plan Rows\": (\\d+)");

	/** An estimate this many times the cap is trusted to be beyond it. */
	private static final long ESTIMATED_BEYOND = 3;

	/** Below this many expected matches in the whole scope, reading them all beats a second window. */
	private static final long FEW_MATCHES = 2_000;

	/** One page, newest first; {@code before} is the id of the last person of the previous page. */
	public List<PersonRow> page(DataScope scope, PersonFilter filter, @Nullable Long before, int size) {
		if (shortNameFragment(filter)) {
			long top = before != null ? before : newestId() + 1;
			if (top > FIRST_WINDOW) {
				List<PersonRow> rows = page(scope, filter, top, top - FIRST_WINDOW, size, true);
				if (rows.size() >= size) {
					return rows;
				}
				long expected = rows.size() * (top / FIRST_WINDOW);
				long window = rows.isEmpty() ? top : FIRST_WINDOW * 2 * size / rows.size();
				if (expected > FEW_MATCHES && window < top) {
					rows = page(scope, filter, top, top - window, size, false);
					if (rows.size() >= size) {
						return rows;
					}
				}
			}
		}
		return page(scope, filter, before, null, size);
	}

	private List<PersonRow> page(DataScope scope, PersonFilter filter, @Nullable Long before, @Nullable Long after, int size) {
		return page(scope, filter, before, after, size, false);
	}

	/**
	 * {@code scanWindow}: the first window is read row by row along its ids and the name checked by LIKE,
	 * not through the gram index. Above a city the gram index is the national one, and a common character's
	 * posting list there (175,000 entries for 伟 at ten million persons) costs 40–90 ms to decode, while the
	 * window's 20,000 rows, walked newest first, give a page after a few hundred.
	 */
	private List<PersonRow> page(DataScope scope, PersonFilter filter, @Nullable Long before, @Nullable Long after, int size,
			boolean scanWindow) {
		Where where = where(scope, filter, scanWindow);
		if (before != null) {
			where.and("p.id < :before", "before", before);
		}
		if (after != null) {
			where.and("p.id >= :after", "after", after);
		}
		return where.bind(jdbc.sql("select " + COLUMNS + " from people_person p where " + where.sql()
				+ " order by " + where.listed.listOrder("p.unit_id", "p.id desc") + " limit :size"))
			.param("size", size)
			.query(Persons::map)
			.list();
	}

	/**
	 * The columns a user may sort the list by (fragments/sort.html), as SQL on the person's own row. Plain
	 * columns only: a sort by birth date would tell a viewer who sees only decades who is older (decision 0004),
	 * and nothing encrypted can be ordered.
	 */
	public static final Map<String, String> SORTS = Map.of("name", "p.name", "employer", "coalesce(p.employer, '')");

	/**
	 * One page in a chosen order; {@code before} is the id of the last person of the previous page. The caller
	 * sorts only a set it has counted and found small (the registry's {@code SORTABLE_UP_TO}): no index orders
	 * a scope by name, so the whole filtered set is read and sorted for every page. A city's million persons
	 * would cost seconds; ten thousand cost a few milliseconds.
	 */
	public List<PersonRow> sortedPage(DataScope scope, PersonFilter filter, SortOrder sort, @Nullable Long before,
			int size) {
		Where where = where(scope, filter);
		String expression = java.util.Objects.requireNonNull(SORTS.get(sort.key()));
		if (before != null) {
			where.and(sort.continuing(expression, "p.id", "people_person", "before", scope.restrict("p.unit_id")),
					"before", before);
		}
		return where.bind(jdbc.sql("select " + COLUMNS + " from people_person p where " + where.sql() + " order by "
				+ sort.orderBy(expression, "p.id") + " limit :size"))
			.param("size", size)
			.query(Persons::map)
			.list();
	}

	private static boolean shortNameFragment(PersonFilter filter) {
		String q = filter.query() == null ? "" : filter.query().strip();
		int length = q.codePointCount(0, q.length());
		return length >= 1 && length <= 2 && !q.chars().allMatch(Character::isDigit);
	}

	private long newestId() {
		return jdbc.sql("select coalesce(max(id), 0) from people_person").query(Long.class).single();
	}

	/** Only the ids of a filtered set, newest first, at most {@code limit}. */
	public List<Long> ids(DataScope scope, PersonFilter filter, int limit) {
		Where where = where(scope, filter);
		return where.bind(jdbc.sql("select p.id from people_person p where " + where.sql() + " order by "
				+ where.listed.listOrder("p.unit_id", "p.id desc") + " limit :limit"))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/** The number of rows {@link #exported} gives. */
	public long exportedCount(DataScope scope, PersonFilter filter) {
		Where where = where(scope, filter);
		where.and(NOT_WITHDRAWN);
		return where.bind(jdbc.sql("select count(*) from people_person p where " + where.sql()))
			.query(Long.class)
			.single();
	}

	/** Exports and imports' updates leave out persons whose latest basic-consent event is a withdrawal. */
	public static final String NOT_WITHDRAWN = "p.consent_state <> 'WITHDRAWN'";

	public long count(DataScope scope, PersonFilter filter) {
		Where where = where(scope, filter);
		return where.bind(jdbc.sql("select count(*) from people_person p where " + where.sql()))
			.query(Long.class)
			.single();
	}

	/**
	 * The count, but at most {@code cap}: a list page needs to say "more than 10 000", not to read a
	 * million index entries of a large city on every page view.
	 */
	public long countUpTo(DataScope scope, PersonFilter filter, long cap) {
		Where where = where(scope, filter);
		return where.bind(jdbc.sql("select count(*) from (select 1 from people_person p where " + where.sql()
				+ " limit :cap) capped"))
			.param("cap", cap)
			.query(Long.class)
			.single();
	}

	/**
	 * What a list page says about its size. Where the planner expects well over {@code cap} rows the page
	 * shows its estimate ("约 170,000 条"): counting even up to the cap costs the whole posting list of a
	 * common character (80 ms for 伟 at ten million persons) or ten thousand heap pages. Otherwise the rows are
	 * counted, up to the cap. The estimate comes from the statistics of the columns involved — the scope's
	 * own column among them (decision 0010).
	 */
	public Tally tally(DataScope scope, PersonFilter filter, long cap) {
		Where where = where(scope, filter);
		String plan = where.bind(jdbc.sql("explain (format json) select 1 from people_person p where " + where.sql()))
			.query(String.class)
			.single();
		Matcher rows = PLAN_ROWS.matcher(plan);
		if (rows.find() && Long.parseLong(rows.group(1)) >= ESTIMATED_BEYOND * cap) {
			return Tally.about(Long.parseLong(rows.group(1)));
		}
		return Tally.upTo(countUpTo(scope, filter, cap + 1), cap);
	}

	/**
	 * What an export of the filtered set holds, in id order, from a cursor: call inside a read transaction and
	 * close the stream. Persons who withdrew their basic consent are left out until they give it again.
	 */
	public Stream<PersonRow> exported(DataScope scope, PersonFilter filter) {
		Where where = where(scope, filter);
		where.and(NOT_WITHDRAWN);
		return where.bind(jdbc.sql("select " + COLUMNS + " from people_person p where " + where.sql() + " order by "
				+ where.listed.listOrder("p.unit_id", "p.id")))
			.query(Persons::map)
			.stream();
	}

	public Optional<PersonRow> find(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select " + COLUMNS + " from people_person p where p.id = :id and "
				+ scope.restrict("p.unit_id")))
			.param("id", id)
			.query(Persons::map)
			.optional();
	}

	/** The survivor a person of the scope was merged into as a duplicate; empty for a person of the registry. */
	public Optional<Long> mergedInto(DataScope scope, long id) {
		return scope.bind(jdbc.sql("select p.merged_into from people_person p where p.id = :id and p.merged_into is not null and "
				+ scope.restrict("p.unit_id")))
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	/** Persons of the scope among the given ids (those outside the scope are left out): for lists in other modules. */
	public List<PersonRow> findAll(DataScope scope, java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return scope.bind(jdbc.sql("select " + COLUMNS + " from people_person p where p.id in (:ids) and "
				+ scope.restrict("p.unit_id")))
			.param("ids", ids)
			.query(Persons::map)
			.list();
	}

	/** Group code by person id for the persons among {@code ids} in the scope: plain columns, nothing decrypted. */
	public Map<Long, String> groupsOf(DataScope scope, java.util.Collection<Long> ids) {
		Map<Long, String> groups = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return groups;
		}
		scope.bind(jdbc.sql("select p.id, p.group_code from people_person p where p.id in (:ids) and "
				+ scope.restrict("p.unit_id")))
			.param("ids", ids)
			.query((rs, n) -> groups.put(rs.getLong(1), rs.getString(2)))
			.list();
		return groups;
	}

	/** Ids of persons in the scope holding this ID number (not anonymised): duplicate check. */
	public List<Long> withIdNumber(DataScope scope, byte[] idNumberHash) {
		return scope.bind(jdbc.sql("select p.id from people_person p where p.id_number_hash = :hash and "
				+ scope.restrict("p.unit_id")))
			.param("hash", idNumberHash)
			.query(Long.class)
			.list();
	}

	public long insert(PersonValues v) {
		return jdbc.sql("""
				insert into people_person (unit_id, region_code, name, sex, birth_date, ethnicity, id_number_cipher,
				    id_number_hash, phone_cipher, phone_hash, phone_suffix_hash, email_cipher, education, affiliation, party,
				    religion_cipher, group_code, subgroup, employer, position, sector, address_cipher, tags, notes, legal_basis)
				values (:unit, :region, :name, :sex, :birthDate, :ethnicity, :idCipher, :idHash, :phoneCipher,
				    :phoneHash, :phoneSuffixHash, :emailCipher, :education, :affiliation, :party, :religionCipher, :group,
				    :subgroup, :employer, :position, :sector, :addressCipher, cast(:tags as text[]), :notes, :legalBasis)
				returning id""")
			.params(values(v))
			.query(Long.class)
			.single();
	}

	/** Optimistic: false when someone else saved the person since {@code version} was read. */
	/**
	 * A transfer accepted: the person now belongs to the receiving unit. The receiving unit's scope does not
	 * yet cover the person, so the caller (the transfer facade) has checked the transfer, not the scope.
	 */
	public void moveTo(long id, long unit, String regionCode) {
		jdbc.sql("""
				update people_person set unit_id = ?, region_code = ?, updated_at = now(), version = version + 1
				where id = ? and anonymised_at is null""")
			.params(unit, regionCode, id)
			.update();
	}

	public boolean update(long id, int version, PersonValues v) {
		return jdbc.sql("""
				update people_person
				   set unit_id = :unit, region_code = :region, name = :name, sex = :sex, birth_date = :birthDate,
				       ethnicity = :ethnicity,
				       id_number_cipher = case when :keepId then id_number_cipher else :idCipher end,
				       id_number_hash = case when :keepId then id_number_hash else :idHash end,
				       phone_cipher = case when :keepPhone then phone_cipher else :phoneCipher end,
				       phone_hash = case when :keepPhone then phone_hash else :phoneHash end,
				       phone_suffix_hash = case when :keepPhone then phone_suffix_hash else :phoneSuffixHash end,
				       email_cipher = case when :keepEmail then email_cipher else :emailCipher end,
				       education = :education, affiliation = :affiliation, party = :party,
				       religion_cipher = case when :keepReligion then religion_cipher else :religionCipher end,
				       group_code = :group, subgroup = :subgroup, employer = :employer, position = :position,
				       sector = :sector,
				       address_cipher = case when :keepAddress then address_cipher else :addressCipher end, tags = cast(:tags as text[]), notes = :notes, legal_basis = :legalBasis,
				       updated_at = now(), version = version + 1
				 where id = :id and version = :version and anonymised_at is null and merged_into is null""")
			.params(values(v))
			.param("keepId", v.keepIdNumber())
			.param("keepPhone", v.keepPhone())
			.param("keepReligion", v.keepReligion())
			.param("keepEmail", v.keepEmail())
			.param("keepAddress", v.keepAddress())
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	/**
	 * Erases what identifies the person and keeps what statistics need: place, group, sub-group, sector,
	 * sex, birth year, education, affiliation, legal basis. Platform accounts go; employer and position
	 * leave the history too.
	 */
	public void anonymise(long id) {
		jdbc.sql("""
				update people_person
				   set name = null, birth_date = date_trunc('year', birth_date)::date, id_number_cipher = null,
				       id_number_hash = null, phone_cipher = null, phone_hash = null, phone_suffix_hash = null,
				       email = null, email_cipher = null, religion_cipher = null, employer = null, position = null,
				       address = null, address_cipher = null,
				       tags = '{}', notes = null, anonymised_at = now(), updated_at = now(), version = version + 1
				 where id = ? and anonymised_at is null""")
			.param(id)
			.update();
		jdbc.sql("delete from people_platform_account where person_id = ?").param(id).update();
		jdbc.sql("update people_history set old_value = null, new_value = null where person_id = ? and field in ('EMPLOYER', 'POSITION')")
			.param(id)
			.update();
	}

	public void consentState(long id, String state) {
		jdbc.sql("update people_person set consent_state = ? where id = ?").params(state, id).update();
	}

	private Map<String, @Nullable Object> values(PersonValues v) {
		Map<String, @Nullable Object> m = new HashMap<>();
		m.put("unit", v.unitId());
		m.put("region", v.regionCode());
		m.put("name", v.name());
		m.put("sex", v.sex());
		m.put("birthDate", SqlDates.of(v.birthDate()));
		m.put("ethnicity", v.ethnicity());
		m.put("idCipher", v.idNumberCipher());
		m.put("idHash", v.idNumberHash());
		m.put("phoneCipher", v.phoneCipher());
		m.put("phoneHash", v.phoneHash());
		m.put("phoneSuffixHash", v.phoneSuffixHash());
		m.put("emailCipher", v.emailCipher());
		m.put("education", v.education());
		m.put("affiliation", v.affiliation());
		m.put("party", v.party());
		m.put("religionCipher", v.religionCipher());
		m.put("group", v.group());
		m.put("subgroup", v.subgroup());
		m.put("employer", v.employer());
		m.put("position", v.position());
		m.put("sector", v.sector());
		m.put("addressCipher", v.addressCipher());
		m.put("tags", arrayLiteral(v.tags()));
		m.put("notes", v.notes());
		m.put("legalBasis", v.legalBasis());
		return m;
	}

	/** The predicates of a filter, always starting with the data scope. */
	private Where where(DataScope scope, PersonFilter filter) {
		return where(scope, filter, false);
	}

	private Where where(DataScope scope, PersonFilter filter, boolean namesByLike) {
		Where where = new Where(scope);
		where.and("p.anonymised_at is null");
		// A merged duplicate lives on only for undo: it is not a person of the registry any more.
		where.and("p.merged_into is null");
		if (filter.unit() != null) {
			// The chosen unit narrows the scope with the same one-column predicate (the scope still applies).
			DataScope chosen = DataScope.ofPath(jdbc.sql("select path::text from platform_unit where id = ?")
				.param(filter.unit())
				.query(String.class)
				.optional()
				.orElse("1.0"));
			where.narrow(chosen);
		}
		if (filter.group() != null) {
			where.and("p.group_code = :group", "group", filter.group());
		}
		if (filter.subgroup() != null) {
			where.and("p.subgroup = :subgroup", "subgroup", filter.subgroup());
		}
		if (filter.affiliation() != null) {
			where.and("p.affiliation = :affiliation", "affiliation", filter.affiliation());
		}
		LocalDate today = LocalDate.now(clock);
		if (filter.minAge() != null) {
			LocalDate bornBy = today.minusYears(filter.minAge());
			if (filter.wholeDecades()) {
				bornBy = LocalDate.of(bornBy.getYear() / 10 * 10 + 9, 12, 31);
			}
			where.and("p.birth_date <= :bornBy", "bornBy", Date.valueOf(bornBy));
		}
		if (filter.maxAge() != null) {
			LocalDate bornAfter = today.minusYears(filter.maxAge() + 1L);
			if (filter.wholeDecades()) {
				bornAfter = LocalDate.of(bornAfter.getYear() / 10 * 10, 1, 1).minusDays(1);
			}
			where.and("p.birth_date > :bornAfter", "bornAfter", Date.valueOf(bornAfter));
		}
		if (filter.tag() != null) {
			where.and("p.tags @> array[cast(:tag as text)]", "tag", filter.tag());
		}
		if (filter.consent() != null) {
			where.and("p.consent_state = :consent", "consent", filter.consent().name());
		}
		if (filter.employer() != null) {
			where.and("p.employer like :employer", "employer", LikePatterns.containing(filter.employer()));
		}
		if (filter.query() != null) {
			search(where, filter.query(), namesByLike);
		}
		if (filter.beyondRetention()) {
			where.and("p.updated_at < :retentionCutoff", "retentionCutoff", Timestamp.from(retentionCutoff()));
		}
		return where;
	}

	/**
	 * The search box. Digits are a phone tail (4), a mobile number (11) or an ID number (15/18): exact
	 * lookups through the keyed hashes. Anything else is a name fragment: 1–2 characters through the
	 * character/pair array (GIN), 3 and more through trigrams (GIN) — both exactly "name contains q".
	 */
	private void search(Where where, String raw, boolean namesByLike) {
		String q = raw.strip();
		if (q.matches("\\d{4}")) {
			where.and("p.phone_suffix_hash = :suffixHash", "suffixHash", cipher.hash(FieldCipher.Purpose.PHONE_SUFFIX, q));
		}
		else if (q.matches("1\\d{10}")) {
			where.and("p.phone_hash = :phoneHash", "phoneHash", cipher.hash(FieldCipher.Purpose.PHONE, q));
		}
		else if (q.matches("\\d{15}|\\d{17}[\\dxX]")) {
			Optional<org.tongxin.people.IdNumber> id = org.tongxin.people.IdNumber.parse(q);
			if (id.isPresent()) {
				where.and("p.id_number_hash = :idHash", "idHash", cipher.hash(FieldCipher.Purpose.ID_NUMBER, id.get().value()));
			}
			else {
				where.and("false");
			}
		}
		else {
			nameSearch(where, PersonNames.normalise(q), namesByLike);
		}
	}

	/**
	 * A name fragment. Inside one city the region-prefixed grams keep the posting list to that city, so
	 * its length grows with the city, not with the country. Fragments of three and more characters are
	 * looked up by their character pairs and then checked whole.
	 */
	private void nameSearch(Where where, String q, boolean byLike) {
		if (byLike) {
			where.and("p.name like :nameLike", "nameLike", LikePatterns.containing(q));
			return;
		}
		List<String> grams = grams(q);
		String region = regionOf(where.scope);
		if (region != null) {
			where.and("p.scoped_grams @> cast(:scopedGrams as text[])", "scopedGrams",
					arrayLiteral(grams.stream().map(g -> region + ":" + g).toList()));
		}
		else {
			where.and("p.name_grams @> cast(:grams as text[])", "grams", arrayLiteral(grams));
		}
		if (q.codePointCount(0, q.length()) >= 3) {
			where.and("p.name like :nameLike", "nameLike", LikePatterns.containing(q));
		}
	}

	/** A single character is its own gram; longer fragments are covered by their character pairs. */
	static List<String> grams(String q) {
		int[] chars = q.codePoints().toArray();
		if (chars.length == 1) {
			return List.of(q);
		}
		java.util.LinkedHashSet<String> pairs = new java.util.LinkedHashSet<>();
		for (int i = 0; i + 1 < chars.length; i++) {
			pairs.add(new String(chars, i, 2));
		}
		return List.copyOf(pairs);
	}

	/**
	 * The region (city or municipality code) when the scope lies within one city, from its path
	 * "1.<province>.<city>[…]"; null for the centre and for provinces.
	 */
	static @Nullable String regionOf(DataScope scope) {
		String[] ids = scope.path().split("\\.");
		if (ids.length >= 2 && Unit.MUNICIPALITY_CODES.contains(ids[1])) {
			return ids[1];
		}
		return ids.length >= 3 ? ids[2] : null;
	}

	/** A text[] literal, every element quoted: "{"a","b"}". */
	public static String arrayLiteral(List<String> values) {
		StringBuilder literal = new StringBuilder("{");
		for (int i = 0; i < values.size(); i++) {
			literal.append(i == 0 ? "" : ",")
				.append('"')
				.append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\""))
				.append('"');
		}
		return literal.append('}').toString();
	}

	private static final class Where {

		final DataScope scope;

		private final List<String> predicates = new ArrayList<>();

		private final Map<String, Object> params = new HashMap<>();

		/** The scope whose index lists walk: the caller's, or a unit chosen in the filter. */
		DataScope listed;

		Where(DataScope scope) {
			this.scope = scope;
			this.listed = scope;
			predicates.add(scope.restrictList("p.unit_id"));
		}

		/** A unit inside the scope chosen in the filter: the scope still applies, lists walk the unit's index. */
		void narrow(DataScope unit) {
			predicates.set(0, scope.restrict("p.unit_id"));
			and(unit.restrictList("p.unit_id", "filterUnit"), "filterUnit", unit.unit().value());
			listed = unit;
		}

		void and(String predicate) {
			predicates.add(predicate);
		}

		void and(String predicate, String name, Object value) {
			predicates.add(predicate);
			params.put(name, value);
		}

		String sql() {
			return String.join(" and ", predicates);
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
			JdbcClient.StatementSpec bound = scope.bind(statement);
			for (Map.Entry<String, Object> p : params.entrySet()) {
				bound = bound.param(p.getKey(), p.getValue());
			}
			return bound;
		}
	}

	static PersonRow map(ResultSet rs, int row) throws SQLException {
		Array tags = rs.getArray("tags");
		Timestamp anonymised = rs.getTimestamp("anonymised_at");
		return new PersonRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("region_code"), rs.getString("name"),
				rs.getString("sex"), SqlDates.read(rs, "birth_date"), rs.getString("ethnicity"),
				rs.getBytes("id_number_cipher"), rs.getBytes("phone_cipher"), rs.getBytes("email_cipher"),
				rs.getString("education"), rs.getString("affiliation"), rs.getString("party"),
				rs.getBytes("religion_cipher"), rs.getString("group_code"), rs.getString("subgroup"),
				rs.getString("employer"), rs.getString("position"), rs.getString("sector"), rs.getBytes("address_cipher"),
				tags == null ? List.of() : List.of((String[]) tags.getArray()), rs.getString("notes"),
				rs.getString("legal_basis"), rs.getString("consent_state"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("updated_at")), rs.getInt("version"),
				anonymised == null ? null : anonymised.toInstant());
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp.toInstant();
	}
}
