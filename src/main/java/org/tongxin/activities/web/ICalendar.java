package org.tongxin.activities.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.tongxin.activities.Event;

/**
 * One event as an iCalendar object (RFC 5545): local times in Asia/Shanghai with its VTIMEZONE (China has
 * kept +08:00 without daylight saving since 1991), TEXT values escaped, lines folded at 75 octets, CRLF.
 */
final class ICalendar {

	/**
	 * The .ics file names and defines its own zone (the VTIMEZONE below), so its times are a self-contained
	 * serialisation of instants, not a display: they stay right whatever tongxin.time-zone is.
	 */
	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private ICalendar() {
	}

	static String of(Event event, @Nullable String site, List<String> organisers, Instant stamp) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Tongxin//Activities//ZH");
		line(out, "CALSCALE:GREGORIAN");
		line(out, "METHOD:PUBLISH");
		line(out, "BEGIN:VTIMEZONE");
		line(out, "TZID:Asia/Shanghai");
		line(out, "BEGIN:STANDARD");
		line(out, "DTSTART:19910915T020000");
		line(out, "TZOFFSETFROM:+0800");
		line(out, "TZOFFSETTO:+0800");
		line(out, "TZNAME:CST");
		line(out, "END:STANDARD");
		line(out, "END:VTIMEZONE");
		line(out, "BEGIN:VEVENT");
		line(out, "UID:activities-event-" + event.id() + "@tongxin");
		line(out, "DTSTAMP:" + UTC.format(stamp));
		line(out, "DTSTART;TZID=Asia/Shanghai:" + event.start(ZONE).format(LOCAL));
		line(out, "DTEND;TZID=Asia/Shanghai:" + event.end(ZONE).format(LOCAL));
		line(out, "SUMMARY:" + escape(event.title()));
		String location = site == null ? event.address()
				: event.address() == null ? site : site + " " + event.address();
		if (location != null) {
			line(out, "LOCATION:" + escape(location));
		}
		StringBuilder description = new StringBuilder();
		if (event.seriesName() != null) {
			description.append(event.seriesName()).append('\n');
		}
		if (!organisers.isEmpty()) {
			description.append(String.join("、", organisers)).append('\n');
		}
		if (event.description() != null) {
			description.append(event.description());
		}
		if (!description.isEmpty()) {
			line(out, "DESCRIPTION:" + escape(description.toString().strip()));
		}
		line(out, "SEQUENCE:" + event.version());
		line(out, "END:VEVENT");
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/** TEXT escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and line breaks. */
	static String escape(@Nullable String text) {
		if (text == null) {
			return "";
		}
		return text.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n")
			.replace("\r", "\\n");
	}

	/** Folds at 75 octets without splitting a UTF-8 character (§3.1), ends with CRLF. */
	private static void line(StringBuilder out, String content) {
		int octets = 0;
		int limit = 75;
		for (int i = 0; i < content.length();) {
			int cp = content.codePointAt(i);
			int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > limit) {
				out.append("\r\n ");
				octets = 1;
				limit = 75;
			}
			out.appendCodePoint(cp);
			octets += size;
			i += Character.charCount(cp);
		}
		out.append("\r\n");
	}
}
