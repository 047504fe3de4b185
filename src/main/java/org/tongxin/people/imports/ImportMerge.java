package org.tongxin.people.imports;

import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongxin.platform.DataScope;

/**
 * The set-based half of an import, run on the staging table inside the import's transaction: scope,
 * duplicates within the file, matches against the registry, then skip / update / fill and insert. Every
 * statement touches all rows at once; none runs per row.
 */
final class ImportMerge {

	/** A key that makes two rows the same person, in the order matches are tried. */
	private record Key(String staged, String stored, String column, String shown) {
	}

	private static final List<Key> KEYS = List.of(
			new Key("s.id_hash is not null", "p.id_number_hash = s.id_hash", "ID_NUMBER", "s.id_masked"),
			new Key("s.phone_hash is not null", "p.phone_hash = s.phone_hash", "PHONE", "s.phone_masked"),
			new Key("s.birth_date is not null", "p.name = s.name and p.birth_date = s.birth_date", "NAME",
					"s.name"));

	private static final Map<String, String> PARTITIONS = Map.of("ID_NUMBER", "id_hash", "PHONE", "phone_hash", "NAME",
			"name, birth_date");

	private final JdbcClient jdbc;

	private final DataScope scope;

	private final RowCleaner columns;

	ImportMerge(JdbcClient jdbc, DataScope scope, RowCleaner columns) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.columns = columns;
	}

	/** Rows whose city or district lies outside the importer's data scope fail. */
	void checkScope() {
		scope.bind(jdbc.sql("""
				with outside as (
				    update people_import_row s set failed = true
				    where not (%s)
				    returning s.row_no, s.place)
				insert into people_import_error (row_no, column_name, value, reason)
				select row_no, :column, place, 'import.reason.scope' from outside""".formatted(scope.containsUnit("s.unit_id"))))
			.param("column", columns.has(ImportField.DISTRICT) && !columns.has(ImportField.CITY)
					? columns.header(ImportField.DISTRICT) : columns.header(ImportField.CITY))
			.update();
	}

	/** A later row with the same ID number, phone, or name and birth date as an earlier one fails. */
	void duplicatesInFile() {
		for (Key key : KEYS) {
			String partition = PARTITIONS.get(key.column());
			jdbc.sql("""
					with ranked as (
					    select s.row_no, first_value(s.row_no) over (partition by %s order by s.row_no) as first_row
					    from people_import_row s
					    where not s.failed and %s),
					later as (
					    update people_import_row s set failed = true
					    from ranked r where r.row_no = s.row_no and r.first_row <> r.row_no
					    returning s.row_no, %s as shown, r.first_row)
					insert into people_import_error (row_no, column_name, value, reason, argument)
					select row_no, :column, shown, 'import.reason.duplicateInFile', first_row::text from later"""
				.formatted(partition, key.staged(), key.shown()))
				.param("column", columns.header(ImportField.valueOf(key.column())))
				.update();
		}
	}

	/**
	 * Finds the person each row stands for, within the importer's scope: by ID number, else phone, else
	 * name and birth date. Two rows that find the same person: the later fails.
	 */
	void match() {
		for (Key key : KEYS) {
			scope.bind(jdbc.sql("""
					update people_import_row s set person_id = m.id
					from (select distinct on (s.row_no) s.row_no, p.id
					      from people_import_row s join people_person p on %s
					      where not s.failed and s.person_id is null and %s
					        and p.anonymised_at is null and %s
					      order by s.row_no, p.id) m
					where m.row_no = s.row_no""".formatted(key.stored(), key.staged(), scope.restrict("p.unit_id"))))
				.update();
		}
		jdbc.sql("""
				with ranked as (
				    select s.row_no, first_value(s.row_no) over (partition by s.person_id order by s.row_no) as first_row
				    from people_import_row s
				    where not s.failed and s.person_id is not null),
				later as (
				    update people_import_row s set failed = true
				    from ranked r where r.row_no = s.row_no and r.first_row <> r.row_no
				    returning s.row_no, s.name, r.first_row)
				insert into people_import_error (row_no, column_name, value, reason, argument)
				select row_no, :column, name, 'import.reason.sameExisting', first_row::text from later""")
			.param("column", columns.header(ImportField.NAME))
			.update();
	}

	/**
	 * Marks what happens to matched rows; returns how many are merged into existing persons. A row that would
	 * update a person who withdrew basic consent is refused instead, until consent is given again.
	 */
	long decide(ImportMode mode) {
		if (mode != ImportMode.SKIP) {
			jdbc.sql("""
					with refused as (
					    update people_import_row s set failed = true
					    from people_person p
					    where s.person_id = p.id and not s.failed and not (%s)
					    returning s.row_no, s.name)
					insert into people_import_error (row_no, column_name, value, reason)
					select row_no, :column, name, 'import.reason.consentWithdrawn' from refused"""
				.formatted(org.tongxin.people.internal.Persons.NOT_WITHDRAWN))
				.param("column", columns.header(ImportField.NAME))
				.update();
		}
		return jdbc.sql("update people_import_row set action = :action where not failed and person_id is not null")
			.param("action", mode.name())
			.update();
	}

	/**
	 * Merges matched rows into their persons: UPDATE takes the file's non-empty values, FILL_EMPTY only
	 * fills what is empty. Movement history (unit, group, employer, position) is written as the registry's
	 * own edit form writes it, from a snapshot taken before the update.
	 */
	void merge(ImportMode mode, long jobId, String by, Map<Long, String> places) {
		jdbc.sql("""
				create temporary table people_import_before on commit drop as
				select p.id, p.unit_id, p.group_code, p.employer, p.position
				from people_person p join people_import_row s on s.person_id = p.id
				where s.action in ('UPDATE', 'FILL_EMPTY')""").update();
		String set = mode == ImportMode.UPDATE ? """
				unit_id = case when s.unit_given then s.unit_id else p.unit_id end,
				region_code = case when s.unit_given then s.region_code else p.region_code end,
				name = s.name,
				sex = s.sex,
				birth_date = coalesce(s.birth_date, p.birth_date),
				ethnicity = coalesce(s.ethnicity, p.ethnicity),
				id_number_cipher = coalesce(s.id_cipher, p.id_number_cipher),
				id_number_hash = coalesce(s.id_hash, p.id_number_hash),
				phone_cipher = coalesce(s.phone_cipher, p.phone_cipher),
				phone_hash = coalesce(s.phone_hash, p.phone_hash),
				phone_suffix_hash = coalesce(s.phone_suffix_hash, p.phone_suffix_hash),
				email_cipher = coalesce(s.email_cipher, p.email_cipher),
				education = coalesce(s.education, p.education),
				affiliation = coalesce(s.affiliation, p.affiliation),
				party = case when s.affiliation is not null then s.party else p.party end,
				religion_cipher = coalesce(s.religion_cipher, p.religion_cipher),
				group_code = s.group_code,
				subgroup = case when s.group_code = p.group_code then coalesce(s.subgroup, p.subgroup) else s.subgroup end,
				employer = coalesce(s.employer, p.employer),
				position = coalesce(s.position, p.position),
				sector = coalesce(s.sector, p.sector),
				address_cipher = coalesce(s.address_cipher, p.address_cipher),
				tags = case when cardinality(s.tags) > 0 then s.tags else p.tags end,
				notes = coalesce(s.notes, p.notes)""" : """
				birth_date = coalesce(p.birth_date, s.birth_date),
				ethnicity = coalesce(p.ethnicity, s.ethnicity),
				id_number_cipher = case when p.id_number_hash is null then s.id_cipher else p.id_number_cipher end,
				id_number_hash = coalesce(p.id_number_hash, s.id_hash),
				phone_cipher = case when p.phone_hash is null then s.phone_cipher else p.phone_cipher end,
				phone_hash = coalesce(p.phone_hash, s.phone_hash),
				phone_suffix_hash = case when p.phone_hash is null then s.phone_suffix_hash else p.phone_suffix_hash end,
				email_cipher = coalesce(p.email_cipher, s.email_cipher),
				education = coalesce(p.education, s.education),
				affiliation = coalesce(p.affiliation, s.affiliation),
				party = case when coalesce(p.affiliation, s.affiliation) = 'DEMOCRATIC' then coalesce(p.party, s.party)
				             else p.party end,
				religion_cipher = coalesce(p.religion_cipher, s.religion_cipher),
				subgroup = coalesce(p.subgroup, case when s.group_code = p.group_code then s.subgroup end),
				employer = coalesce(p.employer, s.employer),
				position = coalesce(p.position, s.position),
				sector = coalesce(p.sector, s.sector),
				address_cipher = coalesce(p.address_cipher, s.address_cipher),
				tags = case when cardinality(p.tags) = 0 then s.tags else p.tags end,
				notes = coalesce(p.notes, s.notes)""";
		jdbc.sql("""
				update people_person p set
				%s,
				updated_at = now(), version = p.version + 1, import_job_id = :job
				from people_import_row s
				where s.person_id = p.id and s.action in ('UPDATE', 'FILL_EMPTY')""".formatted(set))
			.param("job", jobId)
			.update();
		jdbc.sql("create temporary table people_import_place (unit_id bigint primary key, place text not null) on commit drop")
			.update();
		places.forEach((unit, place) -> jdbc.sql("insert into people_import_place values (?, ?)").params(unit, place).update());
		jdbc.sql("""
				insert into people_history (person_id, field, old_value, new_value, changed_by)
				select b.id, 'UNIT', old_place.place, new_place.place, :by
				from people_import_before b join people_person p on p.id = b.id
				     left join people_import_place old_place on old_place.unit_id = b.unit_id
				     left join people_import_place new_place on new_place.unit_id = p.unit_id
				where b.unit_id <> p.unit_id
				union all
				select b.id, 'GROUP', b.group_code, p.group_code, :by
				from people_import_before b join people_person p on p.id = b.id where b.group_code <> p.group_code
				union all
				select b.id, 'EMPLOYER', b.employer, p.employer, :by
				from people_import_before b join people_person p on p.id = b.id where b.employer is distinct from p.employer
				union all
				select b.id, 'POSITION', b.position, p.position, :by
				from people_import_before b join people_person p on p.id = b.id where b.position is distinct from p.position""")
			.param("by", by)
			.update();
	}

	/** The units (before and after) of the persons an update touches: their place names go into the history. */
	List<Long> unitsOfMatchedPersons() {
		return jdbc.sql("""
				select p.unit_id from people_person p join people_import_row s on s.person_id = p.id
				where s.action in ('UPDATE', 'FILL_EMPTY')
				union
				select s.unit_id from people_import_row s where s.action in ('UPDATE', 'FILL_EMPTY') and s.unit_given""")
			.query(Long.class)
			.list();
	}

	/**
	 * New persons for the remaining rows: legal basis DUTY (the department's statutory work), or CONSENT
	 * with a consent event in the ledger when the file's 同意 column says so.
	 */
	long insert(long jobId, String by) {
		return jdbc.sql("""
				with inserted as (
				    insert into people_person (unit_id, region_code, name, sex, birth_date, ethnicity, id_number_cipher,
				        id_number_hash, phone_cipher, phone_hash, phone_suffix_hash, email_cipher, education, affiliation,
				        party, religion_cipher, group_code, subgroup, employer, position, sector, address_cipher, tags, notes, legal_basis,
				        consent_state, import_job_id)
				    select unit_id, region_code, name, sex, birth_date, ethnicity, id_cipher, id_hash, phone_cipher,
				        phone_hash, phone_suffix_hash, email_cipher, education, affiliation, party, religion_cipher,
				        group_code, subgroup, employer, position, sector, address_cipher, tags, notes,
				        case when consent then 'CONSENT' else 'DUTY' end, case when consent then 'GIVEN' else 'NONE' end, :job
				    from people_import_row
				    where not failed and person_id is null
				    order by row_no
				    returning id, consent_state),
				consented as (
				    insert into people_consent (person_id, event, scope, notice_version, channel, recorded_by)
				    select id, 'GIVEN', 'BASIC', 'import', :channel, :by from inserted where consent_state = 'GIVEN')
				select count(*) from inserted""")
			.param("job", jobId)
			.param("channel", "import #" + jobId)
			.param("by", by)
			.query(Long.class)
			.single();
	}

	long count(String condition) {
		return jdbc.sql("select count(*) from people_import_row where " + condition).query(Long.class).single();
	}
}
