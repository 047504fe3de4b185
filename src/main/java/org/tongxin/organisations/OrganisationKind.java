package org.tongxin.organisations;

import java.util.Locale;

/**
 * A kind of organisation: our own (联谊会, 联盟 …) or a chapter of an existing platform ({@code external}:
 * 政协界别, 工会 …). The built-in kinds come with the schema; the central office adds more.
 */
public record OrganisationKind(String code, String labelZh, String labelEn, boolean external, boolean builtin,
		boolean active, int sort) {

	public String label(Locale locale) {
		return "en".equals(locale.getLanguage()) ? labelEn : labelZh;
	}
}
