package org.tongxin.platform.accounts.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A new personal API token: what it is for and, optionally, the last day it works. */
class TokenForm {

	private String name = "";

	@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
	private @Nullable LocalDate expires;

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public @Nullable LocalDate getExpires() {
		return expires;
	}

	public void setExpires(@Nullable LocalDate expires) {
		this.expires = expires;
	}
}
