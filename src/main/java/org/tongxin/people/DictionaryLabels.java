package org.tongxin.people;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The code lists in one language, for templates and exports: {@code labels.of('GROUP', p.group)}. An
 * unknown code shows as itself, so a deactivated or imported code never hides data.
 */
public final class DictionaryLabels {

	private final Map<String, Map<String, DictionaryEntry>> byKind;

	private final Locale locale;

	public DictionaryLabels(Map<String, Map<String, DictionaryEntry>> byKind, Locale locale) {
		this.byKind = byKind;
		this.locale = locale;
	}

	public String of(String kind, @Nullable String code) {
		if (code == null || code.isEmpty()) {
			return "";
		}
		DictionaryEntry entry = byKind.getOrDefault(kind, Map.of()).get(code);
		return entry == null ? code : entry.label(locale);
	}

	/** Active entries of a kind, in their order: for pickers. */
	public List<DictionaryEntry> options(String kind) {
		return byKind.getOrDefault(kind, Map.of()).values().stream().filter(DictionaryEntry::active).toList();
	}

	/** Every entry of a kind, inactive ones included: for the dictionary screen. */
	public List<DictionaryEntry> all(String kind) {
		return List.copyOf(byKind.getOrDefault(kind, Map.of()).values());
	}

	public boolean contains(String kind, @Nullable String code) {
		DictionaryEntry entry = code == null ? null : byKind.getOrDefault(kind, Map.of()).get(code);
		return entry != null && entry.active();
	}

	public @Nullable String parentOf(String kind, String code) {
		DictionaryEntry entry = byKind.getOrDefault(kind, Map.of()).get(code);
		return entry == null ? null : entry.parent();
	}
}
