package org.tongxin.activities.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tongxin.activities.ActivityNotFound;
import org.tongxin.activities.InvalidActivity;
import org.tongxin.activities.RegistrationRefused;
import org.tongxin.people.PeopleRegistry;
import org.tongxin.platform.Problems;

/**
 * Problem details for the activities API: out of scope or unknown is 404, a refused registration 409 with
 * the reason in the caller's language, bad input 400 with the field errors. Built by {@link Problems}, the
 * shape of every error; everything else falls through to the platform's advice.
 */
@RestControllerAdvice(assignableTypes = ActivitiesApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ActivitiesApiErrors {

	private final MessageSource messages;

	private final Problems problems;

	ActivitiesApiErrors(MessageSource messages, Problems problems) {
		this.messages = messages;
		this.problems = problems;
	}

	@ExceptionHandler({ ActivityNotFound.class, PeopleRegistry.PersonNotFound.class })
	ProblemDetail notFound(RuntimeException e, Locale locale) {
		return problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, locale);
	}

	@ExceptionHandler(RegistrationRefused.class)
	ProblemDetail refused(RegistrationRefused e, Locale locale) {
		ProblemDetail problem = problems.of(HttpStatus.CONFLICT, e.reason(), locale);
		problem.setDetail(Forms.refusal(messages, e, locale));
		problem.setProperty("reason", e.reason());
		return problem;
	}

	@ExceptionHandler(InvalidActivity.class)
	ProblemDetail invalid(InvalidActivity e, Locale locale) {
		return problems.invalid(e.errors(), locale);
	}
}
