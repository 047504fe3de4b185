package org.tongxin.programme.web;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tongxin.platform.Problems;
import org.tongxin.programme.KeyProjects;

/**
 * Problem details for the programme and key-project APIs: a rule of key projects that refused the input is 400
 * with its message. Built by {@link Problems}; a unit outside the scope (403) and other bad input (400) fall
 * through to the platform's advice.
 */
@RestControllerAdvice(assignableTypes = { ProgrammeApi.class, ProjectApi.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProgrammeApiErrors {

	private final Problems problems;

	ProgrammeApiErrors(Problems problems) {
		this.problems = problems;
	}

	/** A rule of key projects refused the input: the user-facing message, in the caller's language. */
	@ExceptionHandler(KeyProjects.Rejected.class)
	ProblemDetail rejected(KeyProjects.Rejected e, Locale locale) {
		return problems.of(HttpStatus.BAD_REQUEST, e.key(), e.arguments(), locale);
	}
}
