package org.tongxin.organisations.web;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tongxin.organisations.Rejected;
import org.tongxin.platform.Problems;

/**
 * Problem details for the organisations API: a unit outside the caller's scope is 403, a rule that refused
 * the input is 400 with the field and the message in the caller's language. Built by {@link Problems}; the
 * 403 and other bad input fall through to the platform's advice.
 */
@RestControllerAdvice(assignableTypes = OrganisationsApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrganisationsApiErrors {

	private final Problems problems;

	OrganisationsApiErrors(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(Rejected.class)
	ProblemDetail rejected(Rejected e, Locale locale) {
		ProblemDetail problem = problems.of(HttpStatus.BAD_REQUEST, e.key(), locale);
		if (e.field() != null) {
			problem.setProperty("field", e.field());
			problems.withErrors(problem, java.util.List.of(new Problems.FieldProblem(e.field(), e.key(),
					String.valueOf(problem.getDetail()))));
		}
		return problem;
	}
}
