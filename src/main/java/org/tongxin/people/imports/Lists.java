package org.tongxin.people.imports;

import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.tongxin.people.DictionaryEntry;

/** The active entries of the code lists, found by Chinese label, English label or code. */
final class Lists {

	private final Map<String, Map<String, String>> codes = new HashMap<>();

	private final Map<String, Map<String, String>> parents = new HashMap<>();

	Lists(Map<String, Map<String, DictionaryEntry>> dictionaries) {
		dictionaries.forEach((kind, entries) -> {
			Map<String, String> byText = new HashMap<>();
			Map<String, String> parentOf = new HashMap<>();
			for (DictionaryEntry e : entries.values()) {
				if (!e.active()) {
					continue;
				}
				byText.put(e.code().toLowerCase(java.util.Locale.ROOT), e.code());
				byText.put(e.labelEn().toLowerCase(java.util.Locale.ROOT), e.code());
				byText.put(e.labelZh(), e.code());
				// 「汉」 for 「汉族」: how ethnicity is often written.
				if (e.labelZh().endsWith("族") && e.labelZh().length() > 1) {
					byText.putIfAbsent(e.labelZh().substring(0, e.labelZh().length() - 1), e.code());
				}
				if (e.parent() != null) {
					parentOf.put(e.code(), e.parent());
				}
			}
			codes.put(kind, byText);
			parents.put(kind, parentOf);
		});
	}

	@Nullable
	String code(String kind, String text) {
		Map<String, String> byText = codes.getOrDefault(kind, Map.of());
		String code = byText.get(text);
		return code != null ? code : byText.get(text.toLowerCase(java.util.Locale.ROOT));
	}

	@Nullable
	String parent(String kind, String code) {
		return parents.getOrDefault(kind, Map.of()).get(code);
	}
}
