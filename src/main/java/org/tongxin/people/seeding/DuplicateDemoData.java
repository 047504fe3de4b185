package org.tongxin.people.seeding;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongxin.people.dedupe.Deduplication;
import org.tongxin.platform.DemoMode;
import org.tongxin.platform.crypto.FieldCipher;

/**
 * Duplicates as they happen in the field, so that the review screen has work: persons registered a second
 * time by another colleague — with a new mobile number, an employer written differently, sometimes without
 * the ID number, a few by another city after the person moved (only a unit above both sees those pairs).
 * Then the first, full detection run over the demo registry. Before that, about one record in seventeen is
 * made old — registered and last updated five to seven years ago — so the retention rule has something to flag.
 */
@Component
public class DuplicateDemoData {

	private static final Logger log = LoggerFactory.getLogger(DuplicateDemoData.class);

	/** How many of the demo persons are registered twice. */
	private static final int TWICE = 20;

	private final DemoMode demoMode;

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final Deduplication deduplication;

	DuplicateDemoData(DemoMode demoMode, JdbcClient jdbc, FieldCipher cipher, Deduplication deduplication) {
		this.demoMode = demoMode;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.deduplication = deduplication;
	}

	@Transactional
	public void seed() {
		boolean fresh = jdbc.sql("""
				select exists (select 1 from people_person)
				   and (select last_run = '-infinity' from people_dedupe_watermark)""").query(Boolean.class).single();
		if (!demoMode.enabled() || !fresh) {
			return;
		}
		jdbc.sql("""
				update people_person
				   set created_at = now() - make_interval(days => 1830 + (id % 700)::int),
				       updated_at = now() - make_interval(days => 1830 + (id % 700)::int)
				 where id % 17 = 0""").update();
		// Evenly spread over the registry (and so over the cities), the same persons at every demo install.
		List<Long> originals = jdbc.sql("""
				select id from people_person
				where id % 887 = 0 and anonymised_at is null and birth_date is not null and employer is not null
				order by id limit ?""").param(TWICE).query(Long.class).list();
		for (int i = 0; i < originals.size(); i++) {
			String phone = "199" + String.format("%08d", 3_719_886 + i * 7_919);
			// Every third keeps the ID number (the strongest match), the others were entered without it.
			boolean withId = i % 3 == 0;
			// The last three moved to 深圳 and were registered there again.
			boolean moved = i >= TWICE - 3;
			jdbc.sql("""
					insert into people_person (unit_id, region_code, name, sex, birth_date, ethnicity, id_number_cipher,
					    id_number_hash, phone_cipher, phone_hash, phone_suffix_hash, email, education, affiliation, party,
					    group_code, subgroup, employer, position, sector, address, tags, legal_basis, consent_state)
					select case when :moved then 440300 else unit_id end,
					       case when :moved then '440300' else region_code end,
					       name, sex, birth_date, ethnicity,
					       case when :withId then id_number_cipher end, case when :withId then id_number_hash end,
					       :phoneCipher, :phoneHash, :suffixHash, null, education, affiliation, party,
					       group_code, subgroup,
					       case when :typo then replace(replace(employer, '有限公司', '有限责任公司'), '工作室', '设计工作室')
					            else employer end,
					       position, sector, null, '{}', 'DUTY', 'NONE'
					from people_person where id = :original""")
				.param("moved", moved)
				.param("withId", withId)
				.param("typo", i % 2 == 1)
				.param("phoneCipher", cipher.encrypt(phone))
				.param("phoneHash", cipher.hash(FieldCipher.Purpose.PHONE, phone))
				.param("suffixHash", cipher.hash(FieldCipher.Purpose.PHONE_SUFFIX, phone.substring(phone.length() - 4)))
				.param("original", originals.get(i))
				.update();
		}
		int pairs = deduplication.detectAll();
		log.info("Demo registry: {} persons registered twice, {} candidate pairs", originals.size(), pairs);
	}
}
