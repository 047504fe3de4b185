package org.tongxin.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.Zxcvbn;
import org.springframework.stereotype.Component;
import org.tongxin.platform.DemoMode;

/**
 * 等保2.0 password rules: at least 8 characters, at least 3 of the 4 character classes (upper case,
 * lower case, digits, symbols), and not containing the user name. Outside demo mode also: not the published
 * demo password, not one of the 10,000 most common passwords, and hard enough to guess (zxcvbn score).
 *
 * <p>The common passwords are zxcvbn's own frequency list (30,000 passwords from leaked sets, ranked), so
 * the list and the strength estimate come from one maintained library instead of a file of our own.
 */
@Component
public class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	/** The published password of the demo accounts (README, login page). */
	static final String DEMO_PASSWORD = "Tongxin@2018";

	/** How many of zxcvbn's most common passwords are refused outright. */
	static final int COMMON = 10_000;

	/**
	 * zxcvbn score 3: about 10^8 guesses or more, "safely unguessable" for an online attack and moderate
	 * protection for an offline one against a slow hash. Score 2 still lets through e.g. "Qwerty@123".
	 */
	static final int MIN_SCORE = 3;

	private final DemoMode demoMode;

	private final Zxcvbn zxcvbn = new Zxcvbn();

	private final Map<String, Integer> ranked;

	PasswordPolicy(DemoMode demoMode) {
		this.demoMode = demoMode;
		try {
			this.ranked = StandardDictionaries.PASSWORDS_LOADER.load().getRankedDictionary();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** @return message keys of the rules the password breaks; empty when it is acceptable */
	public List<String> violations(String username, String password) {
		List<String> violations = new ArrayList<>();
		if (password.length() < MIN_LENGTH) {
			violations.add("password.policy.length");
		}
		int classes = 0;
		classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
		classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
		classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
		if (classes < 3) {
			violations.add("password.policy.classes");
		}
		if (!username.isBlank()
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			violations.add("password.policy.username");
		}
		if (!demoMode.enabled() && violations.isEmpty()) {
			violations.addAll(guessability(username, password));
		}
		return violations;
	}

	/** Only for a password that meets the basic rules: one clear reason rather than three overlapping ones. */
	private List<String> guessability(String username, String password) {
		if (password.equalsIgnoreCase(DEMO_PASSWORD)) {
			return List.of("password.policy.demo");
		}
		Integer rank = ranked.get(password.toLowerCase(Locale.ROOT));
		if (rank != null && rank <= COMMON) {
			return List.of("password.policy.common");
		}
		// The product's own words make a password easier to guess for someone who knows where it is used.
		if (zxcvbn.measure(password, List.of(username, "tongxin", "tongzhan", "统战")).getScore() < MIN_SCORE) {
			return List.of("password.policy.weak");
		}
		return List.of();
	}
}
