package org.tongxin.activities.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.tongxin.activities.ActivityNotFound;
import org.tongxin.activities.InvalidActivity;
import org.tongxin.activities.RegistrationRefused;
import org.tongxin.people.PeopleRegistry;

/**
 * Problem details for the activities API: out of scope or unknown is 404, a refused registration 409 with
 * the reason in the caller's language, bad input 400 with the field errors.
 */
@RestControllerAdvice(assignableTypes = ActivitiesApi.class)
class ActivitiesApiErrors {

	private final MessageSource messages;

	ActivitiesApiErrors(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
	}

	@ExceptionHandler({ ActivityNotFound.class, PeopleRegistry.PersonNotFound.class })
	ProblemDetail notFound(RuntimeException e) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler(RegistrationRefused.class)
	ProblemDetail refused(RegistrationRefused e, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				Forms.refusal(messages, e, locale));
		problem.setProperty("reason", e.reason());
		return problem;
	}

	@ExceptionHandler(InvalidActivity.class)
	ProblemDetail invalid(InvalidActivity e, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "invalid activity");
		Map<String, String> errors = new LinkedHashMap<>();
		e.errors().forEach((field, code) -> errors.put(field, messages.getMessage(code, null, code, locale)));
		problem.setProperty("errors", errors);
		return problem;
	}
}
