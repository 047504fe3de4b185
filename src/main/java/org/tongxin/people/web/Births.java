package org.tongxin.people.web;

import java.time.LocalDate;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * The birth as exports show it: the date for holders of people:reveal (the registry sets it only for them),
 * otherwise the decade — the same as the pages show.
 */
final class Births {

	private Births() {
	}

	static String text(@Nullable LocalDate date, @Nullable Integer decade, MessageSource messages, Locale locale) {
		if (date != null) {
			return date.toString();
		}
		return decade == null ? "" : messages.getMessage("person.decade", new Object[] { decade }, locale);
	}
}
