package org.tongxin.people;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** An account on a new-media platform to add to a person; the platform must be in the PLATFORM dictionary. */
public record PlatformAccountForm(@NotBlank(message = "{person.account.platform.required}") @Nullable String platform,
		@NotBlank(message = "{person.account.handle.required}") @Size(max = 100, message = "{person.account.handle.size}") @Nullable String handle,
		@PositiveOrZero(message = "{person.account.followers.invalid}") @Nullable Long followers, @Nullable Boolean verified) {

	/** An unticked box sends nothing. */
	public boolean isVerified() {
		return Boolean.TRUE.equals(verified);
	}

	public static PlatformAccountForm empty() {
		return new PlatformAccountForm(null, null, null, null);
	}
}
