package org.tongxin.platform;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The four groups of the new social strata (统战工作条例 art. 31): the one type every module names them by — a
 * person's group, a project's target groups, an event's audience, the figures by group. Stored by
 * {@link #name()}; shown by the message {@code targetGroup.<NAME>}.
 */
public enum TargetGroup {

	ENTERPRISE, INTERMEDIARY, FREELANCE, NEW_MEDIA;

	/** The codes as they are stored, in this order. */
	public static final List<String> CODES = Arrays.stream(values()).map(Enum::name).toList();

	/** The group of a stored code; null for anything else. */
	public static @Nullable TargetGroup of(@Nullable String code) {
		return code != null && CODES.contains(code) ? valueOf(code) : null;
	}

	/** The message key of the group's full name. */
	public String key() {
		return "targetGroup." + name();
	}

	/** The group's full name, resolved by whatever MessageSource resolves the message it is an argument of. */
	public MessageSourceResolvable label() {
		return new DefaultMessageSourceResolvable(new String[] { key() }, name());
	}
}
