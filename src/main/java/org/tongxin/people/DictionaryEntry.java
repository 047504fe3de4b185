package org.tongxin.people;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/** An entry of a registry code list: groups, sub-groups, ethnicities, education, affiliations, parties… */
public record DictionaryEntry(String kind, String code, String labelZh, String labelEn, @Nullable String parent,
		int sort, boolean active) {

	public String label(Locale locale) {
		return "en".equals(locale.getLanguage()) ? labelEn : labelZh;
	}
}
