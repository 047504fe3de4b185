package org.tongxin.people.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.platform.crypto.EncryptedTable.DerivedHash;
import org.tongxin.platform.crypto.EncryptedTable.EncryptedColumn;
import org.tongxin.platform.crypto.EncryptedTable;
import org.tongxin.platform.crypto.FieldCipher.Purpose;

/**
 * The registry's encrypted columns, for the platform's re-encryption job after a change of crypto suite
 * or key. The hashes are computed from the stored values exactly as the registry computes them on write:
 * the normalised ID number, the phone number and its last four digits. Email and address have no hash.
 */
@Configuration(proxyBeanMethods = false)
class PeopleEncryptedColumns {

	@Bean
	EncryptedTable peoplePersonEncryptedColumns() {
		return new EncryptedTable("people_person", "id", java.util.List.of(
				EncryptedColumn.of("id_number_cipher", DerivedHash.of("id_number_hash", Purpose.ID_NUMBER)),
				EncryptedColumn.of("phone_cipher", DerivedHash.of("phone_hash", Purpose.PHONE),
						new DerivedHash("phone_suffix_hash", Purpose.PHONE_SUFFIX,
								phone -> phone.substring(Math.max(0, phone.length() - 4)))),
				EncryptedColumn.of("religion_cipher"), EncryptedColumn.of("email_cipher"),
				EncryptedColumn.of("address_cipher")));
	}
}
