package org.tongxin.platform.accounts;

import java.security.SecureRandom;

/**
 * Random passwords handed out once (first start, reset by the security administrator) and changed at
 * the next sign-in. Sixteen characters with all four character classes, without look-alikes (0/O, 1/l/I).
 */
public final class OneTimePasswords {

	private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";

	private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";

	private static final String DIGITS = "23456789";

	private static final String SYMBOLS = "@#%+=";

	private static final int LENGTH = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private OneTimePasswords() {
	}

	public static String generate() {
		String all = UPPER + LOWER + DIGITS + SYMBOLS;
		StringBuilder password = new StringBuilder();
		for (String alphabet : new String[] { UPPER, LOWER, DIGITS, SYMBOLS }) {
			password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
		}
		while (password.length() < LENGTH) {
			password.append(all.charAt(RANDOM.nextInt(all.length())));
		}
		return password.toString();
	}
}
