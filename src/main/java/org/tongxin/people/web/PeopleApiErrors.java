package org.tongxin.people.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tongxin.people.InvalidPerson;
import org.tongxin.people.PersonMergedAway;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.people.internal.ExactSearches;

/**
 * Problem details for the people API: a unit outside the caller's scope or a missing permission is 403,
 * bad input is 400 with the field errors in the caller's language.
 */
@RestControllerAdvice(assignableTypes = PeopleApi.class)
class PeopleApiErrors {

	private final MessageSource messages;

	PeopleApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badRequest(IllegalArgumentException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
	}

	@ExceptionHandler(PersonMergedAway.class)
	ProblemDetail mergedAway(PersonMergedAway e, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.GONE,
				messages.getMessage("person.mergedAway.detail", new Object[] { String.valueOf(e.survivor().value()) }, locale));
		problem.setProperty("code", "person.mergedAway");
		problem.setProperty("mergedInto", e.survivor().value());
		return problem;
	}

	/** Too many exact-number searches this minute: 429, with Retry-After; the refusal is already audited. */
	@ExceptionHandler(ExactSearches.TooManyExactSearches.class)
	org.springframework.http.ResponseEntity<ProblemDetail> tooManyExactSearches(ExactSearches.TooManyExactSearches e,
			Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				messages.getMessage("person.exactSearch.limited", new Object[] { e.perMinute() }, locale));
		problem.setTitle(messages.getMessage("person.exactSearch.title", null, locale));
		problem.setProperty("code", "people.exactSearch.tooMany");
		return org.springframework.http.ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(org.springframework.http.HttpHeaders.RETRY_AFTER, "60")
			.body(problem);
	}

	/** The person withdrew the consent that covers the value: 409 until consent is given again. */
	@ExceptionHandler(PeopleRegistry.ConsentWithdrawn.class)
	ProblemDetail consentWithdrawn(PeopleRegistry.ConsentWithdrawn e, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				messages.getMessage("person.reveal.withdrawn." + e.scope(), null, locale));
		problem.setProperty("code", "people.consent.withdrawn");
		return problem;
	}

	@ExceptionHandler(InvalidPerson.class)
	ProblemDetail invalid(InvalidPerson e, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid person");
		Map<String, String> errors = new LinkedHashMap<>();
		e.errors().forEach((field, code) -> errors.put(field, messages.getMessage(code, null, code, locale)));
		problem.setProperty("errors", errors);
		return problem;
	}
}
