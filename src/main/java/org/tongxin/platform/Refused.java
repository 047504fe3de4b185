package org.tongxin.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Input a rule refuses (400): as a whole ({@code new Refused("project.budget.negative")}), for one field
 * ({@link #field}) or field by field ({@link #fields(Map)}, the code is then {@link Problems#INVALID}).
 * Forms catch it to show the messages beside their fields; the API answers it with {@code errors[]}.
 */
public class Refused extends Refusal {

	private final Map<String, String> fields;

	public Refused(String key, Object... arguments) {
		this(key, Map.of(), arguments);
	}

	private Refused(String key, Map<String, String> fields, Object... arguments) {
		super(HttpStatus.BAD_REQUEST, key, arguments);
		this.fields = Map.copyOf(fields);
	}

	/** One field broke the rule {@code key}; the whole request is refused with that message. */
	public static Refused field(String field, String key) {
		return new Refused(key, Map.of(field, key));
	}

	/** Field → message key, in the order of the form. */
	public static Refused fields(Map<String, String> fields) {
		return new Refused(Problems.INVALID, new LinkedHashMap<>(fields));
	}

	@Override
	public Map<String, String> fields() {
		return fields;
	}

	/** The one field a {@link #field} refusal concerns; null for a refusal of the whole request. */
	public @Nullable String field() {
		return fields.size() == 1 ? fields.keySet().iterator().next() : null;
	}
}
