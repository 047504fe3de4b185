package org.tongxin.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tongxin.people.internal.Masks;
import org.tongxin.platform.crypto.CryptoSettings;
import org.tongxin.platform.crypto.FieldCipher;

class FieldCipherTests {

	static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	final String key1 = randomKey();

	final String key2 = randomKey();

	final String hmac = randomKey();

	@Test
	void encryptsWithAFreshIvAndDecrypts() {
		FieldCipher cipher = new FieldCipher(new CryptoSettings(Map.of(1, key1), 1, hmac), false);
		byte[] a = cipher.encrypt("13812345678");
		byte[] b = cipher.encrypt("13812345678");
		assertThat(a).isNotEqualTo(b);
		// 0x00, the algorithm (1: AES-256-GCM), the key id, then IV, ciphertext and tag (issue 9, item 24).
		assertThat(new byte[] { a[0], a[1], a[2] }).containsExactly(0, 1, 1);
		assertThat(a).hasSize(3 + 12 + 11 + 16);
		assertThat(cipher.decrypt(a)).isEqualTo("13812345678");
		assertThat(cipher.decrypt(b)).isEqualTo("13812345678");
	}

	@Test
	void valuesOfAnOldKeyStayReadableAfterRotation() {
		FieldCipher before = new FieldCipher(new CryptoSettings(Map.of(1, key1), 1, hmac), false);
		byte[] old = before.encrypt("110105194912310021");
		FieldCipher after = new FieldCipher(new CryptoSettings(Map.of(1, key1, 2, key2), 2, hmac), false);
		assertThat(after.decrypt(old)).isEqualTo("110105194912310021");
		assertThat(after.encrypt("x")[2]).isEqualTo((byte) 2);
	}

	@Test
	void alteredValuesAreRefused() {
		FieldCipher cipher = new FieldCipher(new CryptoSettings(Map.of(1, key1), 1, hmac), false);
		byte[] value = cipher.encrypt("13812345678");
		value[value.length - 1] ^= 1;
		assertThatThrownBy(() -> cipher.decrypt(value)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void hashesAreKeyedAndSeparatedByPurpose() {
		FieldCipher cipher = new FieldCipher(new CryptoSettings(Map.of(1, key1), 1, hmac), false);
		FieldCipher other = new FieldCipher(new CryptoSettings(Map.of(1, key1), 1, randomKey()), false);
		assertThat(cipher.hash(FieldCipher.Purpose.PHONE, "5678")).isEqualTo(cipher.hash(FieldCipher.Purpose.PHONE, "5678"))
			.isNotEqualTo(cipher.hash(FieldCipher.Purpose.PHONE_SUFFIX, "5678"))
			.isNotEqualTo(other.hash(FieldCipher.Purpose.PHONE, "5678"));
	}

	@Test
	void thePublishedDemoKeysAreRefusedOutsideDemoMode() {
		CryptoSettings demo = new CryptoSettings(Map.of(1, "ZGVtby1vbmx5LWtleS1kby1ub3QtdXNlLWluLXByb2Q="), 1,
				"ZGVtby1vbmx5LWhtYWMta2V5LW5vdC1mb3ItcHJvZHVjdGlvbg==");
		assertThatThrownBy(() -> new FieldCipher(demo, false)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("demo keys");
		assertThat(new FieldCipher(demo, true).decrypt(new FieldCipher(demo, true).encrypt("ok"))).isEqualTo("ok");
	}

	@Test
	void shortKeysAndAMissingActiveKeyAreRefused() {
		assertThatThrownBy(() -> new FieldCipher(new CryptoSettings(Map.of(1, "c2hvcnQ="), 1, hmac), false))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> new FieldCipher(new CryptoSettings(Map.of(1, key1), 2, hmac), false))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void masks() {
		assertThat(Masks.idNumber("11010519491231002X")).isEqualTo("******************");
		assertThat(Masks.phone("13812345678")).isEqualTo("138****5678");
		assertThat(Masks.religion()).isEqualTo("***");
	}
}
