package org.tongxin.activities.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.tongxin.activities.InvalidActivity;
import org.tongxin.activities.RegistrationRefused;

/** Small helpers shared by the screens of activities. */
final class Forms {

	private Forms() {
	}

	static void reject(InvalidActivity e, BindingResult errors) {
		e.errors().forEach((field, code) -> errors.rejectValue(field, code));
	}

	static String text(MessageSource messages, String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	static String refusal(MessageSource messages, RegistrationRefused e, Locale locale) {
		Object[] args = e.args().clone();
		for (int i = 0; i < args.length; i++) {
			if (args[i] instanceof String group && group.matches("[A-Z_]+")) {
				args[i] = messages.getMessage("activities.group." + group, null, group, locale);
			}
		}
		return messages.getMessage(e.reason(), args, e.reason(), locale);
	}

	static @Nullable String blank(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	static String nz(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}
}
