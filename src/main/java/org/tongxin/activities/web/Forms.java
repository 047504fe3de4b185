package org.tongxin.activities.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.tongxin.platform.Refusal;
import org.tongxin.platform.Refused;

/** Small helpers shared by the screens of activities. */
final class Forms {

	private Forms() {
	}

	static void reject(Refused e, BindingResult errors) {
		e.fields().forEach((field, code) -> errors.rejectValue(field, code));
	}

	static String text(MessageSource messages, String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	/** The message of a refusal; arguments such as a target group are resolved in the same language. */
	static String refusal(MessageSource messages, Refusal e, Locale locale) {
		return messages.getMessage(e.key(), e.arguments(), e.key(), locale);
	}

	static String nz(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}
}
