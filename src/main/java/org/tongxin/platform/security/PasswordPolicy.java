package org.tongxin.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * 等保2.0 password rules: at least 8 characters, at least 3 of the 4 character classes (upper case,
 * lower case, digits, symbols), and not containing the user name.
 */
@Component
public class PasswordPolicy {

	static final int MIN_LENGTH = 8;

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
		return violations;
	}
}
