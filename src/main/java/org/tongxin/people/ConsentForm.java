package org.tongxin.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A consent event to record in the ledger. */
public record ConsentForm(@NotNull(message = "{consent.event.required}") @Nullable ConsentEvent event,
		@NotNull(message = "{consent.scope.required}") @Nullable ConsentScope scope,
		@NotBlank(message = "{consent.notice.required}") @Size(max = 20, message = "{consent.notice.required}") @Nullable String noticeVersion,
		@NotBlank(message = "{consent.channel.required}") @Size(max = 50, message = "{consent.channel.required}") @Nullable String channel) {

	public static ConsentForm empty() {
		return new ConsentForm(ConsentEvent.GIVEN, ConsentScope.BASIC, "2026-01", null);
	}
}
