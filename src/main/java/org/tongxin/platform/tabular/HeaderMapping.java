package org.tongxin.platform.tabular;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the header row of a sheet — below any title rows or merged banners — and maps its columns to
 * fields by header name, with the synonyms people actually use (手机 / 手机号 / 联系电话 …).
 */
public final class HeaderMapping {

	/** Where the header is and which column holds which field. */
	public record Located(int headerRow, Map<String, Integer> columns, List<String> unknownHeaders) {
	}

	/** How many rows from the top may hold titles and notes before the header. */
	static final int SEARCH_ROWS = 20;

	private final Map<String, String> fieldByHeader = new LinkedHashMap<>();

	/** @param synonyms field → the header texts that name it */
	public HeaderMapping(Map<String, List<String>> synonyms) {
		synonyms.forEach((field, names) -> {
			fieldByHeader.put(normalize(field), field);
			names.forEach(name -> fieldByHeader.put(normalize(name), field));
		});
	}

	/** The same mapping plus a user's own header names (a saved mapping), which win over the defaults. */
	public HeaderMapping with(Map<String, String> headerToField) {
		HeaderMapping copy = new HeaderMapping(Map.of());
		copy.fieldByHeader.putAll(fieldByHeader);
		headerToField.forEach((header, field) -> copy.fieldByHeader.put(normalize(header), field));
		return copy;
	}

	/**
	 * The first of the top rows in which at least {@code minimumFields} cells name a known field.
	 */
	public Optional<Located> locate(List<SheetRow> topRows, int minimumFields) {
		for (SheetRow row : topRows.subList(0, Math.min(SEARCH_ROWS, topRows.size()))) {
			Map<String, Integer> columns = new LinkedHashMap<>();
			List<String> unknown = new ArrayList<>();
			for (int i = 0; i < row.cells().size(); i++) {
				String header = row.cell(i);
				if (header.isBlank()) {
					continue;
				}
				String field = fieldByHeader.get(normalize(header));
				if (field == null) {
					unknown.add(header.strip());
				}
				else {
					columns.putIfAbsent(field, i);
				}
			}
			if (columns.size() >= minimumFields) {
				return Optional.of(new Located(row.number(), columns, unknown));
			}
		}
		return Optional.empty();
	}

	/** 「手机号码（必填）*」 and 「手机号码」 are the same header. */
	static String normalize(String header) {
		return CellValues.halfWidth(header)
			.replaceAll("\\((必填|选填|可选)\\)|[*★\\s:：]", "")
			.toLowerCase(Locale.ROOT);
	}
}
