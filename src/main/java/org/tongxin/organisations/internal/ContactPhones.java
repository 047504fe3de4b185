package org.tongxin.organisations.internal;

import org.jspecify.annotations.Nullable;
import org.tongxin.platform.crypto.FieldCipher;

/** How an organisation's contact phone is stored (encrypted, with a keyed hash) and shown (masked). */
public final class ContactPhones {

	private ContactPhones() {
	}

	/**
	 * The keyed lookup hash. It is a phone number like a person's, so it shares the registry's PHONE purpose: a
	 * search by number finds it the same way.
	 */
	static byte[] hash(FieldCipher cipher, String phone) {
		return cipher.hash(FieldCipher.Purpose.PHONE, phone);
	}

	/** "138****5678", "028****5678" for "028-12345678": the registry's rule, which leaves 10,000 candidates. */
	public static @Nullable String mask(@Nullable String phone) {
		if (phone == null) {
			return null;
		}
		return phone.length() < 8 ? "*".repeat(phone.length())
				: phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
	}
}
