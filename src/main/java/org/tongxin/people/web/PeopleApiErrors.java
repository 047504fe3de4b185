package org.tongxin.people.web;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tongxin.people.InvalidPerson;
import org.tongxin.platform.Problems;

/**
 * Problem details for the people API: a unit outside the caller's scope or a missing permission is 403,
 * bad input is 400 with the field errors in the caller's language. Built by {@link Problems}; the 403 and
 * other bad input fall through to the platform's advice.
 */
@RestControllerAdvice(assignableTypes = PeopleApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PeopleApiErrors {

	private final Problems problems;

	PeopleApiErrors(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(InvalidPerson.class)
	ProblemDetail invalid(InvalidPerson e, Locale locale) {
		return problems.invalid(e.errors(), locale);
	}
}
