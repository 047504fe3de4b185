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

	@ExceptionHandler(InvalidPerson.class)
	ProblemDetail invalid(InvalidPerson e, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid person");
		Map<String, String> errors = new LinkedHashMap<>();
		e.errors().forEach((field, code) -> errors.put(field, messages.getMessage(code, null, code, locale)));
		problem.setProperty("errors", errors);
		return problem;
	}
}
