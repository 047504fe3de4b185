package org.tongxin.people.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tongxin.people.InvalidPerson;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.PersonMergedAway;
import org.tongxin.people.internal.ExactSearches;
import org.tongxin.platform.Problems;

/**
 * Problem details for the people API: bad input is 400 with the field errors in the caller's language, a
 * merged-away person 410, too many exact searches 429, withdrawn consent 409. Built by {@link Problems}; a
 * unit outside the scope or a missing permission (403) and other bad input fall through to the platform's
 * advice.
 */
@RestControllerAdvice(assignableTypes = PeopleApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PeopleApiErrors {

	private final MessageSource messages;

	private final Problems problems;

	PeopleApiErrors(MessageSource messages, Problems problems) {
		this.messages = messages;
		this.problems = problems;
	}

	@ExceptionHandler(PersonMergedAway.class)
	ProblemDetail mergedAway(PersonMergedAway e, Locale locale) {
		ProblemDetail problem = problems.of(HttpStatus.GONE, "person.mergedAway", locale);
		problem.setDetail(messages.getMessage("person.mergedAway.detail",
				new Object[] { String.valueOf(e.survivor().value()) }, locale));
		problem.setProperty("mergedInto", e.survivor().value());
		return problem;
	}

	/** Too many exact-number searches this minute: 429, with Retry-After; the refusal is already audited. */
	@ExceptionHandler(ExactSearches.TooManyExactSearches.class)
	ResponseEntity<ProblemDetail> tooManyExactSearches(ExactSearches.TooManyExactSearches e, Locale locale) {
		ProblemDetail problem = problems.of(HttpStatus.TOO_MANY_REQUESTS, "people.exactSearch.tooMany", locale);
		problem.setDetail(messages.getMessage("person.exactSearch.limited", new Object[] { e.perMinute() }, locale));
		problem.setTitle(messages.getMessage("person.exactSearch.title", null, locale));
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "60").body(problem);
	}

	/** The person withdrew the consent that covers the value: 409 until consent is given again. */
	@ExceptionHandler(PeopleRegistry.ConsentWithdrawn.class)
	ProblemDetail consentWithdrawn(PeopleRegistry.ConsentWithdrawn e, Locale locale) {
		ProblemDetail problem = problems.of(HttpStatus.CONFLICT, "people.consent.withdrawn", locale);
		problem.setDetail(messages.getMessage("person.reveal.withdrawn." + e.scope(), null, locale));
		return problem;
	}

	@ExceptionHandler(InvalidPerson.class)
	ProblemDetail invalid(InvalidPerson e, Locale locale) {
		return problems.invalid(e.errors(), locale);
	}
}
