package org.tongxin.people;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A transfer of a person between units. Until the receiving unit accepts, it sees only what it needs to
 * decide: the masked name, sex, decade of birth, group and where the person comes from.
 */
public record Transfer(long id, PersonId person, String maskedName, @Nullable String sex, @Nullable Integer birthDecade,
		String group, String fromPlace, String toPlace, String reason, Status status, String requestedBy,
		Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt, @Nullable String comment) {

	public enum Status {
		PENDING, ACCEPTED, DECLINED, CANCELLED
	}
}
