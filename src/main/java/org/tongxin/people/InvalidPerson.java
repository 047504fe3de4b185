package org.tongxin.people;

import java.util.Map;

/**
 * Input that only the registry can judge: an ID number failing its checksum or already registered, a code
 * missing from its dictionary, a unit that cannot own persons. {@code errors} maps a form field to the
 * message key of what is wrong with it.
 */
public class InvalidPerson extends RuntimeException {

	private final Map<String, String> errors;

	public InvalidPerson(Map<String, String> errors) {
		super("invalid person: " + errors);
		this.errors = Map.copyOf(errors);
	}

	public Map<String, String> errors() {
		return errors;
	}
}
