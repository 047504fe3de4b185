package org.tongxin.platform.tabular;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Finds the header row of a sheet — below any title rows or merged banners — and maps its columns to
 * fields: by the header's normalised text (「手机号码（必填）：」 is 「手机号码」), among the names people actually use
 * (手机 / 手机号 / 联系电话 …); then, for a header still unknown, by a field's key word in it (「群体类别」 holds
 * 类别). A user's own mapping (saved, or sent with an upload) wins over both.
 */
public final class HeaderMapping {

	/**
	 * Where the header is, which column holds which field, which header was taken for which field (as
	 * written), and the headers not used (unknown, ignored, or a second column for a field already mapped).
	 */
	public record Located(int headerRow, Map<String, Integer> columns, List<String> unknownHeaders,
			Map<String, String> used) {
	}

	/** A field name in a user's mapping that says: leave this column out. */
	public static final String IGNORE = "IGNORE";

	/** How many rows from the top may hold titles and notes before the header. */
	static final int SEARCH_ROWS = 20;

	/** Brackets with what they hold: 「(必填)」, 「（单位：元）」, 「【选填】」, 「[可选]」. */
	private static final Pattern BRACKETED = Pattern.compile("\\([^)]*\\)|\\[[^\\]]*]|【[^】]*】|<[^>]*>|〔[^〕]*〕");

	private static final Pattern NOISE = Pattern.compile("[*★☆\\s:：、.。]");

	private final Map<String, String> fieldByHeader = new LinkedHashMap<>();

	/** Key word → field, in the order they are tried: the first key word a header holds decides. */
	private final List<Map.Entry<String, String>> keywords = new ArrayList<>();

	/** @param synonyms field → the header texts that name it */
	public HeaderMapping(Map<String, List<String>> synonyms) {
		this(synonyms, List.of());
	}

	/**
	 * @param synonyms field → the header texts that name it
	 * @param keywords key word → field, tried in this order on headers that match no name exactly
	 */
	public HeaderMapping(Map<String, List<String>> synonyms, List<Map.Entry<String, String>> keywords) {
		synonyms.forEach((field, names) -> {
			fieldByHeader.put(normalize(field), field);
			names.forEach(name -> fieldByHeader.put(normalize(name), field));
		});
		keywords.forEach(k -> this.keywords.add(Map.entry(normalize(k.getKey()), k.getValue())));
	}

	/**
	 * The same mapping plus a user's own header names (a saved mapping, or one sent with an upload), which win
	 * over the defaults; a header mapped to {@link #IGNORE} is left out.
	 */
	public HeaderMapping with(Map<String, String> headerToField) {
		HeaderMapping copy = new HeaderMapping(Map.of(), List.of());
		copy.fieldByHeader.putAll(fieldByHeader);
		copy.keywords.addAll(keywords);
		headerToField.forEach((header, field) -> copy.fieldByHeader.put(normalize(header), field));
		return copy;
	}

	/** The field a header names by its text alone (exactly, after normalising), if any. */
	public @Nullable String fieldOf(String header) {
		String field = fieldByHeader.get(normalize(header));
		return IGNORE.equals(field) ? null : field;
	}

	/**
	 * The first of the top rows in which at least {@code minimumFields} cells name a known field.
	 */
	public Optional<Located> locate(List<SheetRow> topRows, int minimumFields) {
		for (SheetRow row : topRows.subList(0, Math.min(SEARCH_ROWS, topRows.size()))) {
			Map<String, Integer> columns = new LinkedHashMap<>();
			Map<Integer, String> fieldOfColumn = new HashMap<>();
			// Names first, over the whole row, so that a key word never takes a field a later column names exactly.
			for (int i = 0; i < row.cells().size(); i++) {
				String header = row.cell(i);
				if (header.isBlank()) {
					continue;
				}
				String field = fieldByHeader.get(normalize(header));
				if (field != null && !IGNORE.equals(field) && !columns.containsKey(field)) {
					columns.put(field, i);
					fieldOfColumn.put(i, field);
				}
			}
			for (int i = 0; i < row.cells().size(); i++) {
				String header = row.cell(i);
				if (header.isBlank() || fieldByHeader.containsKey(normalize(header))) {
					continue;
				}
				String field = byKeyword(normalize(header));
				if (field != null && !columns.containsKey(field)) {
					columns.put(field, i);
					fieldOfColumn.put(i, field);
				}
			}
			if (columns.size() >= minimumFields) {
				Map<String, String> used = new LinkedHashMap<>();
				List<String> unknown = new ArrayList<>();
				for (int i = 0; i < row.cells().size(); i++) {
					String header = row.cell(i).strip();
					if (header.isEmpty()) {
						continue;
					}
					String field = fieldOfColumn.get(i);
					if (field == null) {
						unknown.add(header);
					}
					else {
						used.put(header, field);
					}
				}
				return Optional.of(new Located(row.number(), columns, unknown, used));
			}
		}
		return Optional.empty();
	}

	private @Nullable String byKeyword(String normalized) {
		for (Map.Entry<String, String> keyword : keywords) {
			if (normalized.contains(keyword.getKey())) {
				return keyword.getValue();
			}
		}
		return null;
	}

	/** 「手机号码（必填）*」, 「 手机号码： 」 and 「手机号码」 are the same header. */
	static String normalize(String header) {
		String text = BRACKETED.matcher(CellValues.halfWidth(header)).replaceAll("");
		return NOISE.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
	}
}
