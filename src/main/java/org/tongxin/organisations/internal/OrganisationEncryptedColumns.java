package org.tongxin.organisations.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tongxin.platform.crypto.EncryptedTable.DerivedHash;
import org.tongxin.platform.crypto.EncryptedTable.EncryptedColumn;
import org.tongxin.platform.crypto.EncryptedTable;
import org.tongxin.platform.crypto.FieldCipher.Purpose;

/**
 * The organisations' encrypted column, for the platform's re-encryption job after a change of crypto suite or
 * key: the contact phone and its lookup hash, computed as {@link OrganisationRecords} does on write.
 */
@Configuration(proxyBeanMethods = false)
class OrganisationEncryptedColumns {

	@Bean
	EncryptedTable orgOrganisationEncryptedColumns() {
		return new EncryptedTable("org_organisation", "id", List.of(
				EncryptedColumn.of("contact_phone_cipher", DerivedHash.of("contact_phone_hash", Purpose.PHONE))));
	}
}
