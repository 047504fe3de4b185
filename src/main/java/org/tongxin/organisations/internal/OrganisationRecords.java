package org.tongxin.organisations.internal;

import static org.tongxin.platform.Texts.blankToNull;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongxin.organisations.Organisation;
import org.tongxin.organisations.OrganisationFilter;
import org.tongxin.organisations.OrganisationForm;
import org.tongxin.organisations.OrganisationId;
import org.tongxin.organisations.PartyOrgForm;
import org.tongxin.platform.DataScope;
import org.tongxin.platform.LikePatterns;
import org.tongxin.platform.SortOrder;
import org.tongxin.platform.SqlDates;
import org.tongxin.platform.TargetGroup;
import org.tongxin.platform.UnitId;
import org.tongxin.platform.crypto.FieldCipher;

/**
 * Organisations with all their fields. Every read restricts the owning unit to the caller's
 * {@link DataScope} in SQL: an organisation outside it is not found by list, id, export or API.
 */
@Repository
public class OrganisationRecords {

	private static final String SELECT = """
			select o.*, p.name as parent_name,
			       (select count(distinct m.person_id) from org_membership m
			         where m.organisation_id = o.id and m.status = 'ACTIVE'
			           and (m.term_end is null or m.term_end >= current_date)) as active_members
			-- parent_name: the name of a parent owned by a unit above is shown on purpose (unscoped join)
			from org_organisation o left join org_organisation p on p.id = o.parent_id""";

	private static final String WHERE = """
			 and (cast(:kind as text) is null or o.kind = :kind)
			 and (cast(:text as text) is null or o.name like :text)
			 and (cast(:form as text) is null or o.party_org_form = :form)
			 and (cast(:parent as bigint) is null or o.parent_id = :parent)
			 and (:includeDissolved or o.dissolved_on is null)""";

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	OrganisationRecords(JdbcClient jdbc, FieldCipher cipher) {
		this.jdbc = jdbc;
		this.cipher = cipher;
	}

	/**
	 * The columns a user may sort the list by (fragments/sort.html), as SQL on the organisation's own row: the
	 * keyset continues after a row by comparing the same expression on both sides (SortOrder#continuing).
	 */
	public static final Map<String, String> SORTS = Map.of("name", "o.name", "kind", "o.kind", "partyMembers",
			"o.party_members");

	/**
	 * One page: newest first, or in the order the user chose. {@code before} is the id of the last organisation
	 * of the previous page. A chosen order is sorted within the scope (a scope's organisations are thousands,
	 * not millions; the newest-first order is the one walked along the scope's index).
	 */
	public List<Organisation> page(DataScope scope, OrganisationFilter filter, @Nullable String unitPath,
			@Nullable SortOrder sort, @Nullable Long before, int size) {
		String tail;
		if (sort == null) {
			tail = " and (cast(:before as bigint) is null or o.id < :before) order by "
					+ listed(scope, unitPath).listOrder("o.unit_id", "o.id desc");
		}
		else {
			String expression = Objects.requireNonNull(SORTS.get(sort.key()));
			tail = (before == null ? " and cast(:before as bigint) is null"
					: " and " + sort.continuing(expression, "o.id", "org_organisation", "before", scope.restrict("o.unit_id")))
					+ " order by " + sort.orderBy(expression, "o.id");
		}
		return filtered(scope, filter, unitPath, SELECT, tail + " limit :size")
			.param("before", before)
			.param("size", size)
			.query(this::map)
			.list();
	}

	/**
	 * The count, but at most {@code cap}: a list says "more than 10,000" rather than reading a whole province's
	 * organisations on every page view. Inside a scope the rows are taken in the scope index's order, so the
	 * count reads that index and stops.
	 */
	public long countUpTo(DataScope scope, OrganisationFilter filter, @Nullable String unitPath, long cap) {
		DataScope listed = listed(scope, unitPath);
		String order = listed.depth() == 1 ? "" : " order by " + listed.listOrder("o.unit_id", "o.id desc");
		return filtered(scope, filter, unitPath, "select count(*) from (select 1 from org_organisation o",
				order + " limit :cap) capped")
			.param("cap", cap)
			.query(Long.class)
			.single();
	}

	public Stream<Organisation> stream(DataScope scope, OrganisationFilter filter, @Nullable String unitPath) {
		return filtered(scope, filter, unitPath, SELECT, " order by " + listed(scope, unitPath).listOrder("o.unit_id", "o.id"))
			.query(this::map)
			.stream();
	}

	public Optional<Organisation> find(DataScope scope, OrganisationId id) {
		return scope.bind(jdbc.sql(SELECT + " where o.id = :id and " + scope.restrict("o.unit_id")))
			.param("id", id.value())
			.query(this::map)
			.optional();
	}

	/** Children within the scope, by name. */
	public List<Organisation> children(DataScope scope, OrganisationId parent) {
		return scope.bind(jdbc.sql(SELECT + " where o.parent_id = :parent and " + scope.restrict("o.unit_id")
				+ " order by o.dissolved_on nulls first, o.name"))
			.param("parent", parent.value())
			.query(this::map)
			.list();
	}

	/** The ids from the organisation up to its root (itself first): to refuse a parent that would make a cycle. */
	public List<Long> lineage(long id) {
		return jdbc.sql("""
				with recursive up(id, parent_id, depth) as (
				    select o.id, o.parent_id, 0 from org_organisation o where o.id = :id
				    union all
				    select o.id, o.parent_id, up.depth + 1 from org_organisation o join up on o.id = up.parent_id
				    where up.depth < 50)
				select id from up order by depth""")
			.param("id", id)
			.query(Long.class)
			.list();
	}

	public boolean nameTaken(UnitId unit, String name, @Nullable OrganisationId except) {
		return jdbc.sql("""
				select exists (select 1 from org_organisation
				               where unit_id = :unit and name = :name and (cast(:except as bigint) is null or id <> :except))""")
			.param("unit", unit.value())
			.param("name", name)
			.param("except", except == null ? null : except.value())
			.query(Boolean.class)
			.single();
	}

	public OrganisationId insert(UnitId unit, OrganisationForm form) {
		return new OrganisationId(jdbc.sql("""
				insert into org_organisation (unit_id, name, kind, parent_id, site_id, founded_on, registered, address,
				    contact_name, contact_phone_cipher, contact_phone_hash, description, target_groups, party_org_form,
				    party_members, party_instructor)
				values (:unit, :name, :kind, :parent, :site, :foundedOn, :registered, :address, :contactName,
				    :phoneCipher, :phoneHash, :description, cast(:groups as text[]), :form, :partyMembers, :instructor)
				returning id""")
			.param("unit", unit.value())
			.params(fields(form))
			.query(Long.class)
			.single());
	}

	/**
	 * Optimistic: false when someone else saved the organisation since {@code version} was read. A blank contact
	 * phone keeps the stored one: the form never holds it in clear.
	 */
	public boolean update(OrganisationId id, int version, UnitId unit, OrganisationForm form) {
		return jdbc.sql("""
				update org_organisation
				   set unit_id = :unit, name = :name, kind = :kind, parent_id = :parent, site_id = :site,
				       founded_on = :foundedOn, registered = :registered, address = :address,
				       contact_name = :contactName,
				       contact_phone_cipher = case when :keepPhone then contact_phone_cipher else :phoneCipher end,
				       contact_phone_hash = case when :keepPhone then contact_phone_hash else :phoneHash end,
				       description = :description,
				       target_groups = cast(:groups as text[]), party_org_form = :form, party_members = :partyMembers,
				       party_instructor = :instructor, updated_at = now(), version = version + 1
				 where id = :id and version = :version""")
			.param("id", id.value())
			.param("version", version)
			.param("unit", unit.value())
			.params(fields(form))
			.update() == 1;
	}

	public void dissolve(OrganisationId id, @Nullable LocalDate on) {
		jdbc.sql("update org_organisation set dissolved_on = ?, updated_at = now(), version = version + 1 where id = ?")
			.params(SqlDates.of(on), id.value())
			.update();
	}

	/**
	 * The current term of an organisation of the scope, locking its row until the transaction ends: two 换届 of the
	 * same organisation run one after the other, and the second sees the term the first opened.
	 */
	public Optional<Integer> lockTerm(DataScope scope, OrganisationId id) {
		return scope
			.bind(jdbc.sql("select o.current_term from org_organisation o where o.id = :id and "
					+ scope.restrict("o.unit_id") + " for update of o"))
			.param("id", id.value())
			.query(Integer.class)
			.optional();
	}

	/** Opens the term after {@code from}; false when the organisation is no longer in term {@code from}. */
	public boolean nextTerm(OrganisationId id, int from) {
		return jdbc.sql("""
				update org_organisation set current_term = current_term + 1, updated_at = now(), version = version + 1
				where id = ? and current_term = ?""")
			.params(id.value(), from)
			.update() == 1;
	}

	private JdbcClient.StatementSpec filtered(DataScope scope, OrganisationFilter filter, @Nullable String unitPath,
			String select, String tail) {
		// A unit chosen in the filter narrows the scope (which still applies) and the list walks its index.
		String where = unitPath == null ? scope.restrictList("o.unit_id")
				: scope.restrict("o.unit_id") + " and " + DataScope.ofPath(unitPath).restrictList("o.unit_id", "filterUnit");
		return scope.bind(jdbc.sql(select + " where " + where + WHERE + tail))
			.param("filterUnit", unitPath == null ? null : DataScope.ofPath(unitPath).unit().value())
			.param("kind", filter.kind())
			.param("text", LikePatterns.containing(filter.text()))
			.param("form", filter.partyOrgForm() == null ? null : filter.partyOrgForm().name())
			.param("parent", filter.parent())
			.param("includeDissolved", filter.includeDissolved());
	}

	/** The scope whose index a list walks: the unit chosen in the filter, or else the caller's scope. */
	private static DataScope listed(DataScope scope, @Nullable String unitPath) {
		return unitPath == null ? scope : DataScope.ofPath(unitPath);
	}

	/** The contact phone in clear, for an audited reveal only. */
	public Optional<String> contactPhone(DataScope scope, OrganisationId id) {
		return scope
			.bind(jdbc.sql("select o.contact_phone_cipher from org_organisation o where o.id = :id and "
					+ scope.restrict("o.unit_id")))
			.param("id", id.value())
			.query((rs, n) -> Optional.ofNullable(rs.getBytes(1)).map(cipher::decrypt))
			.optional()
			.flatMap(phone -> phone);
	}

	private Map<String, @Nullable Object> fields(OrganisationForm form) {
		Map<String, @Nullable Object> f = new HashMap<>();
		f.put("name", form.name() == null ? null : form.name().strip());
		f.put("kind", form.kind());
		f.put("parent", form.parent());
		f.put("site", form.site());
		f.put("foundedOn", SqlDates.of(form.foundedOn()));
		f.put("registered", Boolean.TRUE.equals(form.registered()));
		f.put("address", blankToNull(form.address()));
		f.put("contactName", blankToNull(form.contactName()));
		String phone = blankToNull(form.contactPhone());
		f.put("keepPhone", phone == null);
		f.put("phoneCipher", phone == null ? null : cipher.encrypt(phone.strip()));
		f.put("phoneHash", phone == null ? null : ContactPhones.hash(cipher, phone.strip()));
		f.put("description", blankToNull(form.description()));
		f.put("groups", "{" + String.join(",", form.groups().stream().distinct().map(Enum::name).toList()) + "}");
		f.put("form", form.partyOrgForm() == null ? PartyOrgForm.NONE.name() : form.partyOrgForm().name());
		f.put("partyMembers", form.partyMembers() == null ? 0 : form.partyMembers());
		f.put("instructor", Boolean.TRUE.equals(form.partyInstructor()));
		return f;
	}

	Organisation map(ResultSet rs, int row) throws SQLException {
		byte[] phone = rs.getBytes("contact_phone_cipher");
		long parent = rs.getLong("parent_id");
		OrganisationId parentId = rs.wasNull() ? null : new OrganisationId(parent);
		long site = rs.getLong("site_id");
		Long siteId = rs.wasNull() ? null : site;
		Array groups = rs.getArray("target_groups");
		List<TargetGroup> targetGroups = new ArrayList<>();
		if (groups != null) {
			Arrays.stream((String[]) groups.getArray()).map(TargetGroup::valueOf).forEach(targetGroups::add);
		}
		return new Organisation(new OrganisationId(rs.getLong("id")), rs.getString("name"), rs.getString("kind"),
				new UnitId(rs.getLong("unit_id")), "", parentId, rs.getString("parent_name"), siteId,
				SqlDates.read(rs, "founded_on"), rs.getBoolean("registered"), rs.getString("address"),
				rs.getString("contact_name"), phone == null ? null : ContactPhones.mask(cipher.decrypt(phone)), rs.getString("description"),
				List.copyOf(targetGroups), PartyOrgForm.valueOf(rs.getString("party_org_form")),
				rs.getInt("party_members"), rs.getBoolean("party_instructor"),
				SqlDates.read(rs, "dissolved_on"), rs.getInt("current_term"),
				rs.getLong("active_members"), rs.getInt("version"));
	}
}
