package org.tongxin.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.tongxin.platform.crypto.FieldCipher.Purpose;

/**
 * Issue 9, item 24: the algorithm suite is a setting. Both suites encrypt, hash and key the chain; values
 * name their algorithm and key so a deployment can move from one suite to the other; the SM algorithms
 * are the ones of the national standards (their sample vectors).
 */
class CryptoSuiteTests {

	private static final HexFormat HEX = HexFormat.of();

	static String randomKey(int bytes) {
		byte[] key = new byte[bytes];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	final String aesKey = randomKey(32);

	final String sm4Key = randomKey(16);

	final String hmacKey = randomKey(32);

	final String auditKey = randomKey(32);

	CryptoSettings standard() {
		return new CryptoSettings(Map.of(1, aesKey), 1, hmacKey, CryptoSuite.STANDARD, auditKey);
	}

	CryptoSettings sm() {
		return new CryptoSettings(Map.of(1, aesKey, 2, sm4Key), 2, hmacKey, CryptoSuite.SM, auditKey);
	}

	@Test
	void sm4IsTheCipherOfGbT32907() throws Exception {
		byte[] key = HEX.parseHex("0123456789abcdeffedcba9876543210");
		Cipher sm4 = Cipher.getInstance("SM4/ECB/NoPadding", CryptoSuite.BOUNCY_CASTLE);
		sm4.init(Cipher.ENCRYPT_MODE, CryptoSuite.SM.key(key));

		byte[] block = sm4.doFinal(key);
		assertThat(HEX.formatHex(block)).isEqualTo("681edf34d206965e86b3e94f536e4246");
		// The standard's second example: the same block encrypted 1,000,000 times.
		for (int i = 1; i < 1_000_000; i++) {
			block = sm4.doFinal(block);
		}
		assertThat(HEX.formatHex(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
	}

	@Test
	void sm3IsTheHashOfGbT32905() {
		assertThat(HEX.formatHex(CryptoSuite.SM.digest().digest("abc".getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
		assertThat(HEX.formatHex(CryptoSuite.SM.digest().digest("abcd".repeat(16).getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
		assertThat(HEX.formatHex(CryptoSuite.STANDARD.digest().digest("abc".getBytes(StandardCharsets.US_ASCII))))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void eachSuiteEncryptsAndDecryptsAndNamesItsAlgorithmAndKey() {
		FieldCipher aes = new FieldCipher(standard(), false);
		FieldCipher sm4 = new FieldCipher(sm(), false);

		byte[] a = aes.encrypt("13912348832");
		byte[] s = sm4.encrypt("13912348832");

		assertThat(aes.decrypt(a)).isEqualTo("13912348832");
		assertThat(sm4.decrypt(s)).isEqualTo("13912348832");
		// 0x00, algorithm (1 AES-256-GCM, 2 SM4-GCM), key id, then a 12-byte IV and ciphertext with tag.
		assertThat(new byte[] { a[0], a[1], a[2] }).containsExactly(0, 1, 1);
		assertThat(new byte[] { s[0], s[1], s[2] }).containsExactly(0, 2, 2);
		assertThat(a).hasSize(3 + 12 + 11 + 16);
		assertThat(s).hasSize(3 + 12 + 11 + 16);
		// Each installation reads the other's values, as long as it holds the key.
		assertThat(sm4.decrypt(a)).isEqualTo("13912348832");
		assertThat(new FieldCipher(new CryptoSettings(Map.of(1, aesKey, 2, sm4Key), 1, hmacKey), false).decrypt(s))
			.isEqualTo("13912348832");
	}

	@Test
	void theAlgorithmAndKeyOfAValueCannotBeChanged() {
		FieldCipher sm4 = new FieldCipher(sm(), false);
		byte[] stored = sm4.encrypt("510104198604235180");

		byte[] relabelled = stored.clone();
		relabelled[1] = 1;
		assertThatThrownBy(() -> sm4.decrypt(relabelled)).isInstanceOf(IllegalStateException.class);
		byte[] altered = stored.clone();
		altered[altered.length - 1] ^= 1;
		assertThatThrownBy(() -> sm4.decrypt(altered)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("altered");
	}

	@Test
	void valuesWrittenBeforeTheAlgorithmWasRecordedStayReadable() throws Exception {
		// key id | IV | AES-256-GCM ciphertext and tag: the format of every value stored so far.
		byte[] iv = new byte[12];
		new SecureRandom().nextBytes(iv);
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(aesKey), "AES"),
				new GCMParameterSpec(128, iv));
		byte[] sealed = cipher.doFinal("成都市锦江区红星路".getBytes(StandardCharsets.UTF_8));
		byte[] old = ByteBuffer.allocate(1 + 12 + sealed.length).put((byte) 1).put(iv).put(sealed).array();

		assertThat(new FieldCipher(standard(), false).decrypt(old)).isEqualTo("成都市锦江区红星路");
		assertThat(new FieldCipher(sm(), false).decrypt(old)).isEqualTo("成都市锦江区红星路");
	}

	@Test
	void reEncryptionMovesAValueToTheCurrentSuiteAndKey() {
		FieldCipher before = new FieldCipher(standard(), false);
		FieldCipher after = new FieldCipher(sm(), false);
		byte[] old = before.encrypt("13800001111");

		assertThat(before.isCurrent(old)).isTrue();
		assertThat(after.isCurrent(old)).isFalse();
		byte[] moved = after.reEncrypt(old);
		assertThat(moved[1]).isEqualTo((byte) 2);
		assertThat(after.isCurrent(moved)).isTrue();
		assertThat(after.decrypt(moved)).isEqualTo("13800001111");
		assertThat(after.reEncrypt(moved)).isSameAs(moved);
	}

	@Test
	void blindHashesAreHmacSha256OrHmacSm3UnderTheHmacKey() throws Exception {
		byte[] key = Base64.getDecoder().decode(hmacKey);
		byte[] input = "PHONE:13912348832".getBytes(StandardCharsets.UTF_8);
		Mac sha = Mac.getInstance("HmacSHA256");
		sha.init(new SecretKeySpec(key, "HmacSHA256"));
		HMac sm3 = new HMac(new SM3Digest());
		sm3.init(new KeyParameter(key));
		sm3.update(input, 0, input.length);
		byte[] expectedSm3 = new byte[32];
		sm3.doFinal(expectedSm3, 0);

		byte[] standardHash = new FieldCipher(standard(), false).hash(Purpose.PHONE, "13912348832");
		byte[] smHash = new FieldCipher(sm(), false).hash(Purpose.PHONE, "13912348832");

		assertThat(standardHash).isEqualTo(sha.doFinal(input));
		assertThat(smHash).isEqualTo(expectedSm3).isNotEqualTo(standardHash);
		assertThat(new FieldCipher(sm(), false).hash(Purpose.PHONE, "13912348832")).isEqualTo(smHash);
		assertThat(new FieldCipher(sm(), false).hash(Purpose.ID_NUMBER, "13912348832")).isNotEqualTo(smHash);
	}

	@Test
	void theAuditKeySignsWithTheSuitesMac() {
		byte[] key = Base64.getDecoder().decode(auditKey);
		byte[] text = "anchor v1 at=2026-12-03T08:00:00Z".getBytes(StandardCharsets.UTF_8);
		HMac sm3 = new HMac(new SM3Digest());
		sm3.init(new KeyParameter(key));
		sm3.update(text, 0, text.length);
		byte[] expected = new byte[32];
		sm3.doFinal(expected, 0);

		AuditKey smKey = new AuditKey(sm());
		AuditKey standardKey = new AuditKey(standard());

		assertThat(smKey.suite().chainName()).isEqualTo("HMAC-SM3");
		assertThat(smKey.mac(CryptoSuite.SM).doFinal(text)).isEqualTo(expected);
		assertThat(standardKey.mac(CryptoSuite.STANDARD).doFinal(text)).isNotEqualTo(expected).hasSize(32);
		// Entries keep their algorithm: an installation on sm still checks its HMAC-SHA256 entries.
		assertThat(smKey.mac(CryptoSuite.STANDARD).doFinal(text)).isEqualTo(standardKey.mac(CryptoSuite.STANDARD).doFinal(text));
	}

	@Test
	void keysMustFitTheSuite() {
		assertThatThrownBy(() -> new FieldCipher(new CryptoSettings(Map.of(1, aesKey), 1, hmacKey, CryptoSuite.SM, auditKey),
				false))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("16 bytes");
		assertThatThrownBy(() -> new FieldCipher(new CryptoSettings(Map.of(1, sm4Key), 1, hmacKey), false))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("32 bytes");
		assertThatThrownBy(() -> new AuditKey(new CryptoSettings(Map.of(1, aesKey), 1, hmacKey, CryptoSuite.STANDARD,
				randomKey(16))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("audit-key");
		CryptoSettings demoAuditKey = new CryptoSettings(Map.of(1, aesKey), 1, hmacKey, CryptoSuite.STANDARD,
				CryptoSettings.DEMO_AUDIT_KEY);
		assertThatThrownBy(() -> new FieldCipher(demoAuditKey, false)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("demo keys");
	}
}
